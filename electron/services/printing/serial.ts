import type { SerialPort as SerialPortType } from 'serialport';
import { PrinterError, toPrinterError } from './errors';
import type { ConnectionOptions, PrinterConnection, PrinterStatus } from './connection';
import { askStatus, conditionError } from './status-query';

// A printer on a serial port: a USB-serial cable (/dev/ttyUSB0, COM3) or a Bluetooth printer
// paired as a port (/dev/rfcomm0, the "outgoing" COM port Windows makes). The port is opened
// per job and closed after the bytes have drained, so another program (or a re-paired
// Bluetooth link) is never locked out between receipts. `serialport` is loaded on first use:
// a counter printing over TCP never loads the native binding.

const DEFAULTS = { connectTimeoutMs: 3000, writeTimeoutMs: 15000, statusTimeoutMs: 500 };

let loaded: Promise<typeof import('serialport')> | null = null;
const serialport = () => (loaded ??= import('serialport'));

function openPort(path: string, baudRate: number, timeoutMs: number): Promise<SerialPortType> {
  return serialport().then(({ SerialPort }) => new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
    const timer = setTimeout(() => {
      reject(new PrinterError('PRINTER_TIMEOUT', `${path} did not open within ${timeoutMs} ms`));
      port.close(() => undefined);
    }, timeoutMs);
    port.open((err) => {
      clearTimeout(timer);
      if (!err) return resolve(port);
      // A port that is not there (unplugged, Bluetooth printer off) is an unreachable printer.
      const missing = /ENOENT|cannot find|File not found|No such file/i.test(err.message);
      reject(missing ? new PrinterError('PRINTER_UNREACHABLE', `${path}: ${err.message}`, { cause: err }) : toPrinterError(err, path));
    });
  }));
}

function closePort(port: SerialPortType): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.close(() => resolve());
  });
}

function writeAll(port: SerialPortType, bytes: Uint8Array, path: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrinterError('PRINTER_TIMEOUT', `${path} did not take the job within ${timeoutMs} ms`)), timeoutMs);
    port.write(Buffer.from(bytes), (err) => {
      if (err) {
        clearTimeout(timer);
        return reject(toPrinterError(err, path));
      }
      port.drain((e) => {
        clearTimeout(timer);
        if (e) reject(toPrinterError(e, path));
        else resolve();
      });
    });
  });
}

export function serialConnection(path: string, baudRate: number, options?: ConnectionOptions): PrinterConnection {
  const o = { ...DEFAULTS, ...options };
  const key = `serial://${path}`;
  return {
    target: key,
    async send(bytes) {
      const port = await openPort(path, baudRate, o.connectTimeoutMs);
      try {
        const condition = await askStatus(port, key, o.statusTimeoutMs);
        const refused = condition && conditionError(condition, path);
        if (refused) throw refused;
        await writeAll(port, bytes, path, o.writeTimeoutMs);
      } finally {
        await closePort(port);
      }
    },
    async probe(): Promise<PrinterStatus> {
      let port: SerialPortType;
      try {
        port = await openPort(path, baudRate, o.connectTimeoutMs);
      } catch {
        return 'offline';
      }
      try {
        return (await askStatus(port, key, o.statusTimeoutMs)) ?? 'ready';
      } finally {
        await closePort(port);
      }
    },
  };
}

/** Serial ports the OS sees, for the printer form (USB-serial adapters, Bluetooth rfcomm/COM). */
export async function listSerialPorts(): Promise<{ path: string; description: string }[]> {
  const { SerialPort } = await serialport();
  const ports = await SerialPort.list();
  return ports.map((p) => ({ path: p.path, description: [p.manufacturer, p.friendlyName ?? p.pnpId].filter(Boolean).join(' · ') }));
}
