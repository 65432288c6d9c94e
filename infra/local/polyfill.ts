// aws-local-stepfunctions 3 calls Promise.withResolvers (Node 22); this project supports Node 20 too.
const P = Promise as unknown as { withResolvers?: () => unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

// The AWS SDK's notice about Node 20 support is for maintainers, not for the people using the local
// runtime; other warnings still print.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!w.message.startsWith('NodeVersionSupportWarning')) console.warn(`${w.name}: ${w.message}`);
});
export {};
