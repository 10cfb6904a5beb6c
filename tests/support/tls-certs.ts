import selfsigned from 'selfsigned';

// Certificates for a real TLS central double on loopback (issue 16 item 4): a server certificate
// signed by nobody (pinned at enrolment), and a CA with a server certificate it signed (the CA
// file a technician installs). Made fresh by each test: nothing is committed.

export interface Pem { key: string; cert: string }

const SAN = { name: 'subjectAltName' as const, altNames: [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }] };
const month = () => ({ notAfterDate: new Date(Date.now() + 30 * 86_400_000) });

/** A self-signed server certificate for localhost and 127.0.0.1; with `renew`, a new certificate for the same key. */
export async function selfSignedServer(renew?: Pem & { publicKey: string }): Promise<Pem & { publicKey: string }> {
  const p = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    ...month(), keySize: 2048, algorithm: 'sha256', extensions: [SAN],
    ...(renew ? { keyPair: { privateKey: renew.key, publicKey: renew.publicKey } } : {}),
  });
  return { key: p.private, cert: p.cert, publicKey: p.public };
}

/** A CA, and a server certificate for localhost and 127.0.0.1 that it signed. */
export async function caAndServer(): Promise<{ ca: Pem; server: Pem }> {
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'Loket Test CA' }], {
    ...month(), keySize: 2048, algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints' as const, cA: true, critical: true }, { name: 'keyUsage' as const, keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  const server = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    ...month(), keySize: 2048, algorithm: 'sha256', ca: { key: ca.private, cert: ca.cert },
  });
  return { ca: { key: ca.private, cert: ca.cert }, server: { key: server.private, cert: server.cert } };
}
