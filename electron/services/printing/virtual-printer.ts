import net from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEscPos, decodedToText, type DecodedPrint } from './escpos-decode';

// A real TCP "printer" on loopback for tests, the demo and counters without hardware: each
// connection is one job; its raw bytes and decoded text are kept in `dir`. It can be switched
// off (the port then refuses connections) to play a printer that is down.

export interface VirtualPrinterJob {
  /** 1, 2, 3… in arrival order. */
  n: number;
  receivedAt: string;
  bytes: Buffer;
  decoded: DecodedPrint;
  /** Decoded text laid out at the printer's width. */
  text: string;
  binPath: string;
  txtPath: string;
}

export interface VirtualPrinterOptions {
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Width used to lay out the decoded `.txt` (48 for 80 mm, 32 for 58 mm). */
  cpl?: number;
}

export interface VirtualPrinter {
  readonly port: number;
  readonly host: string;
  jobs(): VirtualPrinterJob[];
  onJob(cb: (job: VirtualPrinterJob) => void): () => void;
  /** Resolves with the next job (or the n-th, when it already came). */
  waitForJob(n?: number): Promise<VirtualPrinterJob>;
  /** Offline closes the listener (new connections are refused); online listens again on the same port. */
  setOnline(online: boolean): Promise<void>;
  isOnline(): boolean;
  close(): Promise<void>;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  const cpl = options.cpl ?? 48;
  mkdirSync(options.dir, { recursive: true });
  const jobs: VirtualPrinterJob[] = [];
  const listeners = new Set<(job: VirtualPrinterJob) => void>();
  const sockets = new Set<net.Socket>();
  let online = false;
  let closed = false;

  const record = (bytes: Buffer): void => {
    const n = jobs.length + 1;
    const now = new Date();
    const base = join(options.dir, `${stamp(now)}-${n}`);
    const decoded = decodeEscPos(bytes);
    const text = decodedToText(decoded, cpl);
    const job: VirtualPrinterJob = { n, receivedAt: now.toISOString(), bytes, decoded, text, binPath: `${base}.bin`, txtPath: `${base}.txt` };
    writeFileSync(job.binPath, bytes);
    writeFileSync(job.txtPath, text);
    jobs.push(job);
    for (const cb of listeners) cb(job);
  };

  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The job is stored before our side closes, so a sender that waits for the close
    // knows the job is on "paper". A connection with no bytes (a status probe) is no job.
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.length > 0) record(bytes);
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        online = true;
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      online = false;
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const onJob = (cb: (job: VirtualPrinterJob) => void): (() => void) => {
    listeners.add(cb);
    return () => { listeners.delete(cb); };
  };

  const port = await listen(options.port ?? 0);

  return {
    port,
    host,
    jobs: () => [...jobs],
    onJob,
    waitForJob(n) {
      const want = n ?? jobs.length + 1;
      const have = jobs.find((j) => j.n === want);
      if (have) return Promise.resolve(have);
      return new Promise((resolve) => {
        const off = onJob((job) => {
          if (job.n === want) {
            off();
            resolve(job);
          }
        });
      });
    },
    async setOnline(next) {
      if (closed) throw new Error('virtual printer is closed');
      if (next === online) return;
      if (next) await listen(port);
      else await stop();
    },
    isOnline: () => online,
    async close() {
      closed = true;
      listeners.clear();
      await stop();
    },
  };
}
