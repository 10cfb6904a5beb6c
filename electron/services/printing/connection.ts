import net from 'node:net';
import { access, appendFile, mkdir } from 'node:fs/promises';
import { constants as fsc } from 'node:fs';
import { dirname } from 'node:path';
import type { PrinterSettings } from '../../../shared/settings';
import { PrinterError, toPrinterError } from './errors';
import { decodeEscPos, decodedToText } from './escpos-decode';

// Where the bytes go: a network printer (raw TCP, port 9100), the virtual printer (the same
// protocol on loopback), or a file (for a spooler folder or a counter without a printer).

export interface ConnectionOptions {
  /** Give up connecting after this long (PRINTER_TIMEOUT). */
  connectTimeoutMs?: number;
  /** Give up when the printer has not taken the whole job after this long (PRINTER_TIMEOUT). */
  writeTimeoutMs?: number;
  /** After the job is sent, wait this long for the printer to close its side before hanging up. */
  closeGraceMs?: number;
}

export interface PrinterConnection {
  /** `tcp://host:port` or `file:///path`, for logs and the test page. */
  readonly target: string;
  send(bytes: Uint8Array): Promise<void>;
  probe(): Promise<PrinterStatus>;
}

export type PrinterStatus = 'ready' | 'offline';

export const DEFAULT_PORT = 9100;
const DEFAULTS = { connectTimeoutMs: 3000, writeTimeoutMs: 15000, closeGraceMs: 2000 };

/** Sends one job over a fresh TCP connection and resolves once the printer has it. */
export function sendTcp(host: string, port: number, bytes: Uint8Array, options?: ConnectionOptions): Promise<void> {
  const o = { ...DEFAULTS, ...options };
  const where = `${host}:${port}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const socket = net.connect({ host, port });
    const done = (err?: PrinterError): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    timers.push(setTimeout(() => done(new PrinterError('PRINTER_TIMEOUT', `connect to ${where} took over ${o.connectTimeoutMs} ms`)), o.connectTimeoutMs));
    let finished = false;
    socket.once('connect', () => {
      clearTimeout(timers[0]);
      timers.push(setTimeout(() => done(new PrinterError('PRINTER_TIMEOUT', `${where} did not take the job within ${o.writeTimeoutMs} ms`)), o.writeTimeoutMs));
      socket.end(bytes);
    });
    // Everything is handed to the OS and our FIN sent; a printer that keeps the line open
    // is not an error, so after a grace period we hang up ourselves.
    socket.once('finish', () => {
      finished = true;
      timers.push(setTimeout(() => done(), o.closeGraceMs));
    });
    socket.on('data', () => { /* status bytes some printers send: not needed */ });
    socket.on('error', (e) => done(toPrinterError(e, where)));
    socket.once('close', () => done(finished ? undefined : new PrinterError('PRINTER_IO', `${where} closed before the job was sent`)));
  });
}

/** Connects and hangs up: 'ready' when something accepts on host:port within the timeout. */
export function probeTcp(host: string, port: number, options?: ConnectionOptions): Promise<PrinterStatus> {
  const timeout = options?.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (s: PrinterStatus): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(s);
    };
    const timer = setTimeout(() => finish('offline'), timeout);
    socket.once('connect', () => finish('ready'));
    socket.on('error', () => finish('offline'));
  });
}

/** The decoded-text companion of a file printer's output: `out.bin` → `out.txt`, anything else + `.txt`. */
export function textPathOf(path: string): string {
  return /\.bin$/i.test(path) ? path.replace(/\.bin$/i, '.txt') : `${path}.txt`;
}

function fileConnection(path: string, cpl: number): PrinterConnection {
  return {
    target: `file://${path}`,
    async send(bytes) {
      try {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, bytes);
        await appendFile(textPathOf(path), decodedToText(decodeEscPos(bytes), cpl));
      } catch (e) {
        throw toPrinterError(e, path);
      }
    },
    async probe() {
      try {
        await access(dirname(path), fsc.W_OK);
        return 'ready';
      } catch {
        return 'offline';
      }
    },
  };
}

function tcpConnection(host: string, port: number, options?: ConnectionOptions): PrinterConnection {
  return {
    target: `tcp://${host}:${port}`,
    send: (bytes) => sendTcp(host, port, bytes, options),
    probe: () => probeTcp(host, port, options),
  };
}

/** A connection for the counter's printer settings; kind 'none' refuses every job. */
export function createConnection(settings: PrinterSettings, options?: ConnectionOptions): PrinterConnection {
  switch (settings.kind) {
    case 'network':
      return tcpConnection(settings.host, settings.port || DEFAULT_PORT, options);
    case 'virtual':
      return tcpConnection('127.0.0.1', settings.port, options);
    case 'file':
      if (!settings.filePath) break;
      return fileConnection(settings.filePath, settings.charsPerLine);
    case 'none':
      break;
  }
  return {
    target: 'none',
    send: async () => { throw new PrinterError('PRINTER_NOT_CONFIGURED', 'no printer is set up'); },
    probe: async () => 'offline',
  };
}

/** For the shell's status light. */
export function probePrinter(settings: PrinterSettings, options?: ConnectionOptions): Promise<PrinterStatus> {
  return createConnection(settings, options).probe();
}
