import { connect, checkServerIdentity, rootCertificates, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

// TLS to central (issue 16 item 4). A counter trusts its central server in one of two ways:
// - the certificate pinned at enrolment (trust on first use, its SHA-256 fingerprint shown to
//   the technician to compare with head office's): every later connection must present that
//   very certificate, whoever signed it;
// - a CA file the technician installs (head office's own CA): any certificate it signed for the
//   server's name.
// Without either, the system's public CAs. A wrong certificate fails the connection before a
// byte of the request is sent.

/** What a counter trusts; all empty = the public CAs. */
export interface CentralTls {
  /** SHA-256 fingerprint of the pinned server certificate, `AB:CD:…` (as Node writes it). */
  pin: string;
  /** PEM of the top certificate of the chain seen at enrolment: the anchor the pinned one chains to. */
  anchorPem: string;
  /** Path of a CA file (PEM) the technician installed. */
  caFile: string;
}

export const NO_TLS: CentralTls = { pin: '', anchorPem: '', caFile: '' };

export interface ServerCertificate {
  fingerprint256: string;
  anchorPem: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** Whether the public CAs (or the CA file) vouch for it, as well. */
  trusted: boolean;
}

/** The certificate error a pinned connection raises, recognisable by its code. */
export const PIN_MISMATCH = 'ERR_LOKET_CERT_PIN_MISMATCH';

const pemOf = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

function topOf(cert: DetailedPeerCertificate): DetailedPeerCertificate {
  let c = cert;
  for (let i = 0; i < 10 && c.issuerCertificate && c.issuerCertificate !== c && c.issuerCertificate.raw; i++) c = c.issuerCertificate;
  return c;
}

const nameOf = (n: PeerCertificate['subject'] | undefined) => (n ? Object.entries(n).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '');

/** Connects once, trusting nothing yet, to read the certificate a server presents (for pinning at enrolment). */
export function fetchServerCertificate(url: string, opts: { caFile?: string; timeoutMs?: number } = {}): Promise<ServerCertificate> {
  const u = new URL(url);
  const port = Number(u.port || 443);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const ca = opts.caFile ? readFileSync(opts.caFile, 'utf8') : undefined;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false, ca, timeout: opts.timeoutMs ?? 10_000 }, () => {
      const cert = socket.getPeerCertificate(true);
      const hostOk = !checkServerIdentity(host, cert);
      socket.end();
      if (!cert.raw) { reject(new Error('the server presented no certificate')); return; }
      resolve({
        fingerprint256: cert.fingerprint256, anchorPem: pemOf(topOf(cert).raw), subject: nameOf(cert.subject), issuer: nameOf(cert.issuer),
        validTo: new Date(cert.valid_to).toISOString(), trusted: socket.authorized && hostOk,
      });
    });
    socket.on('timeout', () => socket.destroy(new Error('TLS handshake timed out')));
    socket.on('error', reject);
  });
}

const agents = new Map<string, Dispatcher>();

/**
 * The dispatcher that makes fetch trust what `tls` says, or undefined for the defaults (a plain
 * loopback address, or no pin and no CA file). One per trust, kept for the process: connections
 * are reused across requests as fetch's own would be.
 */
export function dispatcherFor(url: string, tls: CentralTls): Dispatcher | undefined {
  if (!url.startsWith('https:') || (!tls.pin && !tls.caFile)) return undefined;
  const key = `${tls.pin}|${tls.caFile}|${tls.anchorPem.length}`;
  let agent = agents.get(key);
  if (agent) return agent;
  const ca: string[] = [];
  if (tls.caFile) ca.push(readFileSync(tls.caFile, 'utf8'));
  if (tls.pin) ca.push(...rootCertificates, tls.anchorPem);
  agent = new Agent({
    connect: {
      ca,
      // The name check as always; then, when pinned, the very certificate seen at enrolment.
      checkServerIdentity(hostname: string, cert: PeerCertificate) {
        const wrongName = checkServerIdentity(hostname, cert);
        if (wrongName) return wrongName;
        if (tls.pin && cert.fingerprint256 !== tls.pin) {
          return Object.assign(new Error(`the server's certificate (${cert.fingerprint256}) is not the one pinned at enrolment`), { code: PIN_MISMATCH });
        }
        return undefined;
      },
    },
  });
  agents.set(key, agent);
  return agent;
}
