import type { PrinterCondition } from './dle-eot';

// Pure readers of CUPS's `lpstat` answers (run with LANG=C): which queues exist, which is the
// default, and what state a queue and its jobs are in. Tested over captured outputs and a real
// cupsd (tests/integration/printing/cups.test.ts).

export interface CupsQueue {
  name: string;
  description: string;
  enabled: boolean;
  /** The queue's state message (the backend's last word: "The printer may not exist…"). */
  message: string;
  isDefault: boolean;
}

const PRINTER_LINE = /^printer (\S+) (?:is idle|now printing \S+|disabled)(.*)$/;
/** Attribute lines of `lpstat -l -p` ("\tDescription: …"); anything else indented is the message. */
const ATTRIBUTE = /^\t(?:Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|On fault|After fault|Users allowed|Forms allowed|Banner required|Charset sets|Default pitch|Default page size|Default port settings|Interface)\b/;

/** Reads `lpstat -l -p -d` (also plain `lpstat -p -d`). */
export function parseLpstatPrinters(out: string): CupsQueue[] {
  const queues: CupsQueue[] = [];
  let defaultName = '';
  let current: CupsQueue | null = null;
  let inList = false; // under "Users allowed:" and the like: tab-tab lines
  for (const line of out.split(/\r?\n/)) {
    const p = PRINTER_LINE.exec(line);
    if (p) {
      current = { name: p[1], description: '', enabled: !line.includes(` ${p[1]} disabled`), message: '', isDefault: false };
      queues.push(current);
      inList = false;
      continue;
    }
    const d = /^system default destination: (\S+)/.exec(line);
    if (d) {
      defaultName = d[1];
      current = null;
      continue;
    }
    if (!current || !line.startsWith('\t')) continue;
    if (line.startsWith('\t\t')) {
      if (!inList && !current.message) current.message = line.trim();
      continue;
    }
    const desc = /^\tDescription: ?(.*)$/.exec(line);
    if (desc) current.description = desc[1].trim();
    inList = ATTRIBUTE.test(line) && line.trimEnd().endsWith(':');
    if (!ATTRIBUTE.test(line) && !current.message) current.message = line.trim();
  }
  for (const q of queues) q.isDefault = q.name === defaultName;
  return queues;
}

/** Job ids of `lpstat -o NAME` (jobs not yet completed), oldest first. */
export function parseLpstatJobs(out: string): string[] {
  return out.split(/\r?\n/).map((l) => /^(\S+-\d+)\s/.exec(l)?.[1]).filter((x): x is string => !!x);
}

/** The id in `lp`'s answer: "request id is POS-58-12 (0 file(s))". */
export function parseLpJobId(out: string): string | null {
  return /request id is (\S+-\d+)/.exec(out)?.[1] ?? null;
}

/**
 * What the queue says about the printer. A job waiting while the backend reports the device
 * unavailable is a printer that is off or unplugged (CUPS keeps the job and prints it later).
 */
export function cupsCondition(queue: CupsQueue | undefined, pendingJobs: number): PrinterCondition {
  if (!queue || !queue.enabled) return 'offline';
  const m = queue.message;
  if (/paper|media-empty|media empty|out of media/i.test(m)) return 'paperOut';
  if (/cover|door/i.test(m)) return 'coverOpen';
  if (pendingJobs > 0 && /unavailable|unable|waiting for|not connected|offline|not responding|refused|not exist/i.test(m)) return 'offline';
  return 'ready';
}
