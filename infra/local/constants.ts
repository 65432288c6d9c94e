/** The local runtime's region and account: what the synthesized ARNs resolve to locally. */
export const LOCAL_REGION = 'ap-southeast-3';
export const LOCAL_ACCOUNT = '000000000000';
