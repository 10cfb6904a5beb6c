import { createJobRecorder, createStatusResponder, type PrinterState, type VirtualPrinterJob } from './virtual-printer';

// The virtual printer on a serial line (the far end of a pseudo-terminal pair in the tests,
// a null-modem cable on a bench): it answers DLE EOT, and since a serial line has no
// connections, a job is what arrives before the line goes quiet for `quietMs`.

export interface VirtualSerialPrinter {
  readonly path: string;
  jobs(): VirtualPrinterJob[];
  waitForJob(n?: number): Promise<VirtualPrinterJob>;
  onJob(cb: (job: VirtualPrinterJob) => void): () => void;
  /** When the last byte of the latest job came (performance.now()). */
  lastByteAt(): number;
  setCondition(c: PrinterState): void;
  statusRequests(): number;
  close(): Promise<void>;
}

export async function startVirtualSerialPrinter(options: { dir: string; path: string; cpl?: number; quietMs?: number }): Promise<VirtualSerialPrinter> {
  const { SerialPort } = await import('serialport');
  const quietMs = options.quietMs ?? 60;
  const recorder = createJobRecorder(options.dir, options.cpl ?? 48);
  const port = new SerialPort({ path: options.path, baudRate: 115200, autoOpen: false, hupcl: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  let state: PrinterState = {};
  let asked = 0;
  let chunks: Buffer[] = [];
  let last = 0;
  let timer: NodeJS.Timeout | null = null;
  const held: Buffer[] = [];
  const canPrint = (): boolean => !state.paperOut && !state.coverOpen && !state.error;
  const responder = createStatusResponder(() => state, (b) => { asked += b.length; port.write(b); });
  const flush = (): void => {
    timer = null;
    const bytes = Buffer.concat(chunks);
    chunks = [];
    if (bytes.length === 0) return;
    if (canPrint()) recorder.record(bytes);
    else held.push(bytes);
  };
  port.on('data', (c: Buffer) => {
    const rest = responder.feed(c);
    if (rest.length === 0) return;
    last = performance.now();
    chunks.push(rest);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  });
  return {
    path: options.path,
    jobs: recorder.jobs,
    waitForJob: recorder.waitForJob,
    onJob: recorder.onJob,
    lastByteAt: () => last,
    setCondition(c) {
      state = { ...c };
      if (canPrint()) for (const bytes of held.splice(0)) recorder.record(bytes);
    },
    statusRequests: () => asked,
    async close() {
      if (timer) clearTimeout(timer);
      recorder.clear();
      await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
    },
  };
}
