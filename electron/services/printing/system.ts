import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrinterError } from './errors';
import type { ConnectionOptions, PrinterConnection, PrinterStatus } from './connection';
import { cupsCondition, parseLpJobId, parseLpstatJobs, parseLpstatPrinters } from './cups-lpstat';
import { RAW_PRINT_PS, WINDOWS_PRINTERS_PS, windowsCondition, parseWindowsPrinters } from './windows-spooler';

// A printer installed in the OS, by name. The ESC/POS bytes go as a RAW job, so no driver
// renders them: on Linux through CUPS's own `lp -o raw` (and `lpstat` to list queues and read
// their state), on Windows through the spooler's RAW datatype (windows-spooler.ts). Once the
// spooler has the job it is the spooler's: it keeps it while the printer is off and prints it
// when the printer is back, so we never send it twice. CUPS_SERVER in the environment picks
// another cupsd (the tests run their own).

export interface SystemPrinter { name: string; description: string; isDefault: boolean }

const DEFAULTS = { writeTimeoutMs: 15000, connectTimeoutMs: 3000 };
const isWindows = process.platform === 'win32';
const C_ENV = { ...process.env, LANG: 'C', LC_ALL: 'C' };

function run(cmd: string, args: string[], timeoutMs: number, input?: Uint8Array, env: NodeJS.ProcessEnv = C_ENV): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...env, CUPS_SERVER: process.env.CUPS_SERVER ?? env.CUPS_SERVER }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PrinterError('PRINTER_TIMEOUT', `${cmd} took over ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('error', (e) => {
      clearTimeout(timer);
      // No lp/lpstat: CUPS is not installed on this computer.
      reject(new PrinterError('PRINTER_UNREACHABLE', `${cmd}: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

async function cupsQueues(timeoutMs: number, name?: string) {
  const r = await run('lpstat', name ? ['-l', '-p', name] : ['-l', '-p', '-d'], timeoutMs);
  return parseLpstatPrinters(r.out);
}

async function sendCups(name: string, bytes: Uint8Array, timeoutMs: number): Promise<string> {
  const r = await run('lp', ['-d', name, '-o', 'raw', '-t', 'Loket'], timeoutMs, bytes);
  const id = parseLpJobId(r.out);
  if (r.code === 0 && id) return id;
  const detail = (r.err || r.out).trim();
  if (/does not exist|not accepting|Unable to connect|Bad file descriptor|No such/i.test(detail)) throw new PrinterError('PRINTER_UNREACHABLE', `${name}: ${detail}`);
  throw new PrinterError('PRINTER_IO', `${name}: lp exited ${r.code}: ${detail}`);
}

async function cupsStatus(name: string, timeoutMs: number): Promise<PrinterStatus> {
  try {
    const [queue] = (await cupsQueues(timeoutMs, name)).filter((q) => q.name === name);
    const jobs = parseLpstatJobs((await run('lpstat', ['-o', name], timeoutMs)).out);
    return cupsCondition(queue, jobs.length);
  } catch {
    return 'offline';
  }
}

async function windows(script: string, timeoutMs: number, env: Record<string, string> = {}) {
  return run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script], timeoutMs, undefined, { ...process.env, ...env });
}

async function sendWindows(name: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-raw-'));
  const file = join(dir, 'job.bin');
  try {
    await writeFile(file, bytes);
    // Name and file go in the environment, never into the script text: no quoting to get wrong.
    const r = await windows(RAW_PRINT_PS, timeoutMs, { LOKET_PRINTER: name, LOKET_RAW_FILE: file });
    if (r.code !== 0) {
      const detail = (r.err || r.out).trim();
      throw new PrinterError(/1801|invalid printer name|not found/i.test(detail) ? 'PRINTER_UNREACHABLE' : 'PRINTER_IO', `${name}: ${detail}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The OS's printers, the default marked; an empty list when there is no spooler to ask. */
export async function listSystemPrinters(timeoutMs = 5000): Promise<SystemPrinter[]> {
  if (isWindows) {
    const r = await windows(WINDOWS_PRINTERS_PS, timeoutMs);
    return parseWindowsPrinters(r.out).map(({ name, description, isDefault }) => ({ name, description, isDefault }));
  }
  return (await cupsQueues(timeoutMs)).map(({ name, description, isDefault }) => ({ name, description, isDefault }));
}

export function systemConnection(name: string, options?: ConnectionOptions): PrinterConnection {
  const o = { ...DEFAULTS, ...options };
  return {
    target: `system://${name}`,
    async send(bytes) {
      if (isWindows) return sendWindows(name, bytes, o.writeTimeoutMs);
      await sendCups(name, bytes, o.writeTimeoutMs);
    },
    async probe() {
      if (!isWindows) return cupsStatus(name, Math.max(o.connectTimeoutMs, 2000));
      try {
        const r = await windows(WINDOWS_PRINTERS_PS, Math.max(o.connectTimeoutMs, 5000));
        return windowsCondition(parseWindowsPrinters(r.out).find((p) => p.name === name));
      } catch {
        return 'offline';
      }
    },
  };
}
