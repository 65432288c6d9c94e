import type { Ports } from '#lib/cycle/ports.ts';
import type { Variable } from './env.ts';

/**
 * The ports a handler uses, built from its environment. Each adapter lives in its own module under
 * ports/ and a handler imports only those it uses, so a function's bundle carries (and its cold start
 * loads) only its own SDK clients and libraries: the page function no mail library, the deliverer no S3.
 * A port is built on the first call of one of its methods, reading its variable then
 * (functions/commons/env.ts says which each handler has); a port the handler did not import, or whose
 * variable its function was not given, fails with its name when used.
 */
type Port = 'store' | 'blobs' | 'workflow' | 'mailer';
const factories: Partial<{ [K in Port]: () => Ports[K] }> = {};

/** Called by each module under ports/: how to build that port from the environment. */
export function provide<K extends Port>(port: K, build: () => Ports[K]): void {
  factories[port] = build as never;
}

export function required(name: Variable): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set for this function`);
  return v;
}

/** A port built on first use: reading `ports.store`, or spreading the ports, builds nothing. */
function lazy<K extends Port>(port: K): Ports[K] {
  let instance: Ports[K] | undefined;
  return new Proxy({} as Ports[K], {
    get(_t, prop) {
      if (!instance) {
        const build = factories[port];
        if (!build) throw new Error(`port '${port}' is not part of this function (functions/commons/ports/)`);
        instance = build() as Ports[K];
      }
      const v = Reflect.get(instance as object, prop, instance);
      return typeof v === 'function' ? v.bind(instance) : v;
    },
    // Tests replace a method on a port (a fault, a spy): it lands on the built adapter.
    set(_t, prop, value) {
      if (!instance) {
        const build = factories[port];
        if (!build) throw new Error(`port '${port}' is not part of this function (functions/commons/ports/)`);
        instance = build() as Ports[K];
      }
      return Reflect.set(instance as object, prop, value);
    },
  });
}

function buildPorts(): Ports {
  return {
    store: lazy('store'),
    blobs: lazy('blobs'),
    workflow: lazy('workflow'),
    mailer: lazy('mailer'),
    clock: { now: () => new Date() },
    // The functions bound to the state machines are exactly those that may read task tokens (CDK test).
    resumesWorkflow: Boolean(process.env.STATE_MACHINES),
    // A string cannot wait for its first use: read when the ports are read (or spread).
    get publicUrl() {
      return required('PUBLIC_URL').replace(/\/$/, '');
    },
  };
}

/** Everything a port is built from: ports are cached per distinct environment (one in the cloud). */
const INPUTS = [
  'TABLE_NAME',
  'WORK_BUCKET',
  'ARCHIVE_BUCKET',
  'STATE_MACHINES',
  'MAIL_FROM',
  'PUBLIC_URL',
  'MAIL_SMTP_URL',
  'S3_FORCE_PATH_STYLE',
  'S3_PUBLIC_ENDPOINT',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SFN',
];
const portsByEnv = new Map<string, Ports>();
const watchers = new Set<(ports: Ports) => void>();

export function getPorts(): Ports {
  const key = INPUTS.map((k) => process.env[k] ?? '').join('\u0000');
  let ports = portsByEnv.get(key);
  if (!ports) {
    ports = buildPorts();
    portsByEnv.set(key, ports);
    for (const w of watchers) w(ports);
  }
  return ports;
}

/**
 * Local runtime and tests only: `watch` sees every set of ports of this process, those built so far and
 * each one built later (each function builds its own, from its own environment). Returns `stop`.
 */
export function eachPorts(watch: (ports: Ports) => void): () => void {
  watchers.add(watch);
  for (const p of portsByEnv.values()) watch(p);
  return () => watchers.delete(watch);
}

/** For tests: forget cached ports. */
export function resetPorts(): void {
  portsByEnv.clear();
}
