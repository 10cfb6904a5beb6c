import { readdir } from 'node:fs/promises';
import { listSystemPrinters } from './system';
import { listSerialPorts } from './serial';

// What the printer form lists: the OS's printers (CUPS queues, Windows printers; the default
// first) and the serial ports, so a technician picks a name instead of typing it.

export interface PrinterDiscovery {
  system: { name: string; description: string; isDefault: boolean }[];
  serial: { path: string; description: string }[];
  problemKey: string | null;
}

/** Bound Bluetooth ports (rfcomm bind) that udev may not list as serial devices. */
async function rfcommPorts(): Promise<string[]> {
  if (process.platform !== 'linux') return [];
  try {
    return (await readdir('/dev')).filter((n) => /^rfcomm\d+$/.test(n)).map((n) => `/dev/${n}`);
  } catch {
    return [];
  }
}

/** One look at the OS serves every caller for a moment: a double click or a burst of calls
 *  must not start a spooler query and a port scan each. */
const FRESH_MS = 2000;
let last: { at: number; result: Promise<PrinterDiscovery> } | null = null;

export function discoverPrinters(): Promise<PrinterDiscovery> {
  if (last && Date.now() - last.at < FRESH_MS) return last.result;
  last = { at: Date.now(), result: discover() };
  return last.result;
}

async function discover(): Promise<PrinterDiscovery> {
  const [system, serial, rfcomm] = await Promise.allSettled([listSystemPrinters(), listSerialPorts(), rfcommPorts()]);
  const ports = serial.status === 'fulfilled' ? serial.value : [];
  for (const path of rfcomm.status === 'fulfilled' ? rfcomm.value : []) {
    if (!ports.some((p) => p.path === path)) ports.push({ path, description: 'Bluetooth (rfcomm)' });
  }
  const printers = system.status === 'fulfilled' ? system.value : [];
  printers.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  return {
    system: printers,
    serial: ports.sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true })),
    problemKey: system.status === 'rejected' ? 'printing.err.noSpooler' : null,
  };
}
