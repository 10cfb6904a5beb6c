import net from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEscPos, decodedToText, type DecodedPrint } from './escpos-decode';
import { answerFor } from './dle-eot';

// A real TCP "printer" on loopback for tests, the demo and counters without hardware: each
// connection is one job; its raw bytes and decoded text are kept in `dir`. It can be switched
// off (the port then refuses connections) to play a printer that is down, and its paper and
// cover scripted (setCondition): it answers DLE EOT as a real printer does, and with the paper
// out it keeps what it is sent and prints it once paper is loaded.

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
  /** Paper out, cover open, mechanism error: what DLE EOT answers, and whether jobs come out. */
  setCondition(c: PrinterState): void;
  /** Status requests answered so far (DLE EOT n). */
  statusRequests(): number;
  close(): Promise<void>;
}

export interface PrinterState { paperOut?: boolean; coverOpen?: boolean; error?: boolean }

/**
 * Answers DLE EOT requests in a byte stream the way a printer does (at once, whatever else is
 * going on) and hands back everything else; a request split across chunks is kept for the next.
 */
export function createStatusResponder(state: () => PrinterState, reply: (b: Buffer) => void) {
  let carry: Buffer = Buffer.alloc(0);
  let asked = 0;
  return {
    asked: () => asked,
    feed(chunk: Buffer): Buffer {
      const b = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      carry = Buffer.alloc(0);
      const keep: number[] = [];
      const answers: number[] = [];
      for (let i = 0; i < b.length; i++) {
        if (b[i] === 0x10 && (i + 1 >= b.length || b[i + 1] === 0x04)) {
          if (i + 2 >= b.length) { carry = b.subarray(i); break; }
          answers.push(answerFor(b[i + 2], state()));
          asked++;
          i += 2;
        } else keep.push(b[i]);
      }
      if (answers.length) reply(Buffer.from(answers));
      return Buffer.from(keep);
    },
  };
}

/** Stores jobs as `.bin` and `.txt` in `dir` and tells the listeners. */
export function createJobRecorder(dir: string, cpl: number) {
  mkdirSync(dir, { recursive: true });
  const jobs: VirtualPrinterJob[] = [];
  const listeners = new Set<(job: VirtualPrinterJob) => void>();
  const record = (bytes: Buffer): void => {
    const n = jobs.length + 1;
    const now = new Date();
    const base = join(dir, `${stamp(now)}-${n}`);
    const decoded = decodeEscPos(bytes);
    const text = decodedToText(decoded, cpl);
    const job: VirtualPrinterJob = { n, receivedAt: now.toISOString(), bytes, decoded, text, binPath: `${base}.bin`, txtPath: `${base}.txt` };
    writeFileSync(job.binPath, bytes);
    writeFileSync(job.txtPath, text);
    jobs.push(job);
    for (const cb of listeners) cb(job);
  };
  const onJob = (cb: (job: VirtualPrinterJob) => void): (() => void) => {
    listeners.add(cb);
    return () => { listeners.delete(cb); };
  };
  const waitForJob = (n?: number): Promise<VirtualPrinterJob> => {
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
  };
  return { record, onJob, waitForJob, jobs: () => [...jobs], clear: () => listeners.clear() };
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  const recorder = createJobRecorder(options.dir, options.cpl ?? 48);
  const sockets = new Set<net.Socket>();
  let online = false;
  let closed = false;
  let state: PrinterState = {};
  let asked = 0;
  /** Jobs that came while the printer could not print: they come out when it can again. */
  const held: Buffer[] = [];
  const canPrint = (): boolean => !state.paperOut && !state.coverOpen && !state.error;

  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    const responder = createStatusResponder(() => state, (b) => { asked += b.length; if (!socket.destroyed) socket.write(b); });
    socket.on('data', (c: Buffer) => chunks.push(responder.feed(c)));
    // The job is stored before our side closes, so a sender that waits for the close
    // knows the job is on "paper". A connection with no bytes (a status probe) is no job.
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.length > 0) {
        if (canPrint()) recorder.record(bytes);
        else held.push(bytes);
      }
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

  const port = await listen(options.port ?? 0);

  return {
    port,
    host,
    jobs: recorder.jobs,
    onJob: recorder.onJob,
    waitForJob: recorder.waitForJob,
    async setOnline(next) {
      if (closed) throw new Error('virtual printer is closed');
      if (next === online) return;
      if (next) await listen(port);
      else await stop();
    },
    isOnline: () => online,
    setCondition(c) {
      state = { ...c };
      if (canPrint()) for (const bytes of held.splice(0)) recorder.record(bytes);
    },
    statusRequests: () => asked,
    async close() {
      closed = true;
      recorder.clear();
      await stop();
    },
  };
}
