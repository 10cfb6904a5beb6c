import { connect, checkServerIdentity, type PeerCertificate } from 'node:tls';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Agent, type Dispatcher, type buildConnector } from 'undici';

// TLS to central (issue 16 item 4). A counter trusts its central server in one of two ways:
// - the server's public key pinned at enrolment (trust on first use; the certificate's SHA-256
//   fingerprint is shown to the technician to compare with head office's). Every later
//   connection must present a certificate for the server's name holding that very key, whoever
//   signed it: head office renews its certificate with the same key and counters go on, a
//   different key is refused (the technician re-pins in Diagnostik after checking it);
// - a CA file the technician installs (head office's own CA): any certificate it signed for
//   the server's name.
// Without either, the system's public CAs. A wrong certificate fails the connection before a
// byte of the request is sent: the request is written only once the connector says yes.

/** What a counter trusts; both empty = the public CAs. */
export interface CentralTls {
  /** `sha256/<base64>`: SHA-256 of the server certificate's public key (SPKI, DER), pinned at enrolment. */
  pin: string;
  /** Path of a CA file (PEM) the technician installed. */
  caFile: string;
}

export const NO_TLS: CentralTls = { pin: '', caFile: '' };
export const PIN_PATTERN = /^sha256\/[A-Za-z0-9+/]{43}=$/;

export interface ServerCertificate {
  /** SHA-256 of the whole certificate, `AB:CD:…`: what head office publishes to compare. */
  fingerprint256: string;
  /** The public-key pin a counter keeps (`sha256/…`). */
  pin: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** Whether the public CAs (or the CA file) vouch for it, for this name. */
  trusted: boolean;
}

/** The error a pinned connection raises for another key, recognisable by its code. */
export const PIN_MISMATCH = 'ERR_LOKET_CERT_PIN_MISMATCH';

/** The public-key pin of a certificate as a TLS socket gives it. */
export function pinOf(cert: Pick<PeerCertificate, 'raw'>): string {
  const spki = new X509Certificate(cert.raw).publicKey.export({ type: 'spki', format: 'der' });
  return `sha256/${createHash('sha256').update(spki).digest('base64')}`;
}

const nameOf = (n: PeerCertificate['subject'] | undefined) => (n ? Object.entries(n).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '');
const bare = (host: string) => host.replace(/^\[|\]$/g, '');

/** Connects once, trusting nothing yet, to read the certificate a server presents (for pinning). */
export function fetchServerCertificate(url: string, opts: { caFile?: string; timeoutMs?: number } = {}): Promise<ServerCertificate> {
  const u = new URL(url);
  const host = bare(u.hostname);
  const ca = opts.caFile ? readFileSync(opts.caFile, 'utf8') : undefined;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: Number(u.port || 443), servername: isIP(host) ? undefined : host, rejectUnauthorized: false, ca, timeout: opts.timeoutMs ?? 10_000 }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert.raw) { reject(new Error('the server presented no certificate')); return; }
      resolve({
        fingerprint256: cert.fingerprint256, pin: pinOf(cert), subject: nameOf(cert.subject), issuer: nameOf(cert.issuer),
        validTo: new Date(cert.valid_to).toISOString(), trusted: socket.authorized && !checkServerIdentity(host, cert),
      });
    });
    socket.on('timeout', () => socket.destroy(new Error('TLS handshake timed out')));
    socket.on('error', reject);
  });
}

/**
 * A connector that hands undici the socket only when the server's certificate is for the name
 * asked and holds the pinned key. The chain is not what is trusted here: the key is.
 */
function pinnedConnector(pin: string, timeoutMs = 15_000): buildConnector.connector {
  return (opts, callback) => {
    const host = bare(opts.hostname);
    const socket = connect({
      host, port: Number(opts.port) || 443, servername: isIP(host) ? undefined : (opts.servername || host),
      rejectUnauthorized: false, ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      socket.setTimeout(0);
      if (err) { socket.destroy(); callback(err, null); } else callback(null, socket);
    };
    socket.setTimeout(timeoutMs, () => settle(new Error('TLS handshake timed out')));
    socket.once('error', settle);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert.raw) { settle(new Error('the server presented no certificate')); return; }
      const wrongName = checkServerIdentity(host, cert);
      if (wrongName) { settle(wrongName); return; }
      const seen = pinOf(cert);
      if (seen !== pin) {
        settle(Object.assign(new Error(`the server's key (${seen}) is not the one pinned at enrolment`), { code: PIN_MISMATCH }));
        return;
      }
      settle(null);
    });
  };
}

const agents = new Map<string, Dispatcher>();

/**
 * The dispatcher that makes fetch trust what `tls` says, or undefined for the defaults (a plain
 * loopback address, or no pin and no CA file). One per trust, kept for the process: connections
 * are reused across requests as fetch's own would be.
 */
export function dispatcherFor(url: string, tls: CentralTls): Dispatcher | undefined {
  if (!url.startsWith('https:') || (!tls.pin && !tls.caFile)) return undefined;
  const key = `${tls.pin}|${tls.caFile}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = tls.pin
      ? new Agent({ connect: pinnedConnector(tls.pin) })
      : new Agent({ connect: { ca: readFileSync(tls.caFile, 'utf8') } });
    agents.set(key, agent);
  }
  return agent;
}
