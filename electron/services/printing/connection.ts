import net from 'node:net';
import { access, appendFile, mkdir } from 'node:fs/promises';
import { constants as fsc } from 'node:fs';
import { dirname } from 'node:path';
import type { PrinterSettings } from '../../../shared/settings';
import { PrinterError, toPrinterError } from './errors';
import { decodeEscPos, decodedToText } from './escpos-decode';
import type { PrinterCondition } from './dle-eot';
import { askStatus, conditionError } from './status-query';
import { serialConnection } from './serial';
import { systemConnection } from './system';

// Where the bytes go: a network printer (raw TCP, port 9100), the virtual printer (the same
// protocol on loopback), a printer installed in the OS (system.ts: CUPS or the Windows spooler,
// RAW), a serial or Bluetooth port (serial.ts), or a file (a spooler folder, no printer).
// TCP and serial ask the printer first (DLE EOT): with the paper out or the cover open the job
// is not sent, so it stays queued instead of vanishing into a printer that cannot print it.

export interface ConnectionOptions {
  /** Give up connecting after this long (PRINTER_TIMEOUT). */
  connectTimeoutMs?: number;
  /** Give up when the printer has not taken the whole job after this long (PRINTER_TIMEOUT). */
  writeTimeoutMs?: number;
  /** After the job is sent, wait this long for the printer to close its side before hanging up. */
  closeGraceMs?: number;
  /** How long to wait for the DLE EOT answer; a printer that stays silent is asked no more. */
  statusTimeoutMs?: number;
}

export interface PrinterConnection {
  /** `tcp://host:port` or `file:///path`, for logs and the test page. */
  readonly target: string;
  send(bytes: Uint8Array): Promise<void>;
  probe(): Promise<PrinterStatus>;
}

export type PrinterStatus = PrinterCondition;
export { askStatus, conditionError };

export const DEFAULT_PORT = 9100;
const DEFAULTS = { connectTimeoutMs: 3000, writeTimeoutMs: 15000, closeGraceMs: 2000, statusTimeoutMs: 500 };

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
      void askStatus(socket, `tcp://${where}`, o.statusTimeoutMs).then((condition) => {
        const refused = condition && conditionError(condition, where);
        if (refused) done(refused);
        else if (!settled) socket.end(bytes);
      });
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

/** Connects, asks DLE EOT and hangs up: the printer's condition, 'ready' when it accepts but stays silent. */
export function probeTcp(host: string, port: number, options?: ConnectionOptions): Promise<PrinterStatus> {
  const timeout = options?.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const statusTimeout = options?.statusTimeoutMs ?? DEFAULTS.statusTimeoutMs;
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (s: PrinterStatus): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(s);
    };
    const timer = setTimeout(() => finish('offline'), timeout);
    socket.once('connect', () => {
      clearTimeout(timer);
      void askStatus(socket, `tcp://${host}:${port}`, statusTimeout).then((c) => finish(c ?? 'ready'));
    });
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
    case 'system':
      if (!settings.printerName) break;
      return systemConnection(settings.printerName, options);
    case 'serial':
      if (!settings.serialPath) break;
      return serialConnection(settings.serialPath, settings.baudRate, options);
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
