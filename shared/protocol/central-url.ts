// Where the central server may be: over https:// anywhere, over plain http:// only on this
// computer (the demo and the tests' double). Personal data (UU 27/2022) never crosses a network
// in clear, and a technician cannot set a plain address on a public network by mistake.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Whether `url` may be used to reach central: https, or http to loopback. */
export function isAllowedCentralUrl(url: string): boolean {
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}
