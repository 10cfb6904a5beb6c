import { describe, expect, it } from 'vitest';
import { decodeDleEot, encodeDleEot, isStatusByte } from '../../../electron/services/printing/dle-eot';
import { cupsCondition, parseLpJobId, parseLpstatJobs, parseLpstatPrinters } from '../../../electron/services/printing/cups-lpstat';
import { parseWindowsPrinters, windowsCondition } from '../../../electron/services/printing/windows-spooler';
import { printerSettingsSchema, settingsSchema } from '../../../shared/settings';
import { printerInputSchema } from '../../../shared/contract/technician';

describe('DLE EOT', () => {
  it('reads real status bytes (EPSON TM-T82 answers: ready, paper end, cover open)', () => {
    expect(decodeDleEot(Buffer.from([0x16, 0x12, 0x12]))?.condition).toBe('ready');
    // n=1 offline bit, n=2 "printing stopped by paper end", n=4 paper end sensors (bits 5, 6).
    expect(decodeDleEot(Buffer.from([0x1e, 0x32, 0x72]))).toMatchObject({ condition: 'paperOut', offline: true, paperOut: true });
    expect(decodeDleEot(Buffer.from([0x1e, 0x16, 0x12]))).toMatchObject({ condition: 'coverOpen', coverOpen: true, paperOut: false });
    expect(decodeDleEot(Buffer.from([0x12, 0x12, 0x1e]))).toMatchObject({ condition: 'ready', paperNearEnd: true });
    expect(decodeDleEot(Buffer.from([0x1e, 0x52, 0x12]))?.condition).toBe('offline');
  });
  it('refuses bytes that are no status answer, and the virtual side encodes what it decodes', () => {
    expect(decodeDleEot(Buffer.from([0x41, 0x12, 0x12]))).toBeNull();
    expect(decodeDleEot(Buffer.from([0x12, 0x12]))).toBeNull();
    expect(isStatusByte(0x93)).toBe(false);
    for (const s of [{}, { paperOut: true }, { coverOpen: true }, { error: true }]) {
      const d = decodeDleEot(encodeDleEot(s))!;
      expect(d.paperOut).toBe(!!(s as { paperOut?: boolean }).paperOut);
      expect(d.coverOpen).toBe(!!(s as { coverOpen?: boolean }).coverOpen);
    }
  });
});

const LPSTAT = `printer EPSON_TM-T82 is idle.  enabled since Fri Dec  4 03:53:26 2026
\tForm mounted:
\tContent types: any
\tDescription: EPSON TM-T82 Receipt
\tAlerts: none
\tUsers allowed:
\t\t(all)
printer POS-58 now printing POS-58-3.  enabled since Fri Dec  4 03:53:52 2026
\tThe printer may not exist or is unavailable at this time.
\tDescription: POS-58
printer Laser disabled since Fri Dec  4 01:00:00 2026 -
\treason unknown
system default destination: POS-58
`;

describe('lpstat', () => {
  it('lists queues with description, state message and the default', () => {
    const q = parseLpstatPrinters(LPSTAT);
    expect(q.map((x) => [x.name, x.description, x.enabled, x.isDefault])).toEqual([
      ['EPSON_TM-T82', 'EPSON TM-T82 Receipt', true, false],
      ['POS-58', 'POS-58', true, true],
      ['Laser', '', false, false],
    ]);
    expect(q[1].message).toBe('The printer may not exist or is unavailable at this time.');
    expect(q[0].message).toBe('');
  });
  it('reads jobs and the condition a queue implies', () => {
    const q = parseLpstatPrinters(LPSTAT);
    expect(parseLpstatJobs('POS-58-3            root              1024   Fri Dec  4 03:53:52 2026\n')).toEqual(['POS-58-3']);
    expect(parseLpJobId('request id is POS-58-12 (0 file(s))\n')).toBe('POS-58-12');
    expect(cupsCondition(q[0], 0)).toBe('ready');
    expect(cupsCondition(q[1], 1)).toBe('offline');
    expect(cupsCondition(q[1], 0)).toBe('ready');
    expect(cupsCondition(q[2], 0)).toBe('offline');
    expect(cupsCondition(undefined, 0)).toBe('offline');
    expect(cupsCondition({ ...q[0], message: 'media-empty-error' }, 1)).toBe('paperOut');
  });
});

describe('Windows printers (Win32_Printer as JSON)', () => {
  it('one printer is an object, several an array; default and errors read', () => {
    const one = parseWindowsPrinters('{"Name":"POS-58","Default":true,"DriverName":"Generic / Text Only","PortName":"USB001","WorkOffline":false,"DetectedErrorState":0}');
    expect(one).toEqual([{ name: 'POS-58', description: 'Generic / Text Only · USB001', isDefault: true, workOffline: false, errorState: 0 }]);
    const many = parseWindowsPrinters('[{"Name":"A","Default":false,"DetectedErrorState":4},{"Name":"B","Default":false,"WorkOffline":true}]');
    expect(many.map(windowsCondition)).toEqual(['paperOut', 'offline']);
    expect(parseWindowsPrinters('not json')).toEqual([]);
  });
});

describe('printer settings', () => {
  it('a settings file of the old shape still loads, with the new fields at their defaults', () => {
    const old = { language: 'id', printer: { kind: 'network', host: '192.168.1.50', port: 9100, filePath: '', paperWidth: 58, charsPerLine: 32 } };
    const s = settingsSchema.parse(old);
    expect(s.printer).toEqual({
      kind: 'network', host: '192.168.1.50', port: 9100, filePath: '', paperWidth: 58, charsPerLine: 32,
      printerName: '', serialPath: '', baudRate: 9600, codePage: 'PC858_EURO', cashDrawer: false,
    });
    expect(printerSettingsSchema.parse({ kind: 'system', printerName: 'POS-58' }).kind).toBe('system');
  });
  it('the form refuses a system printer without a name and a serial port that is no port', () => {
    const base = { paperWidth: 80, charsPerLine: 48 } as const;
    const issues = (v: object) => { const r = printerInputSchema.safeParse({ ...base, ...v }); return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`); };
    expect(issues({ kind: 'system', printerName: '' })).toEqual(['printerName:err.printer.printerName']);
    expect(issues({ kind: 'system', printerName: 'EPSON TM-T82 Receipt' })).toEqual([]);
    expect(issues({ kind: 'serial', serialPath: '/etc/passwd' })).toEqual(['serialPath:err.printer.serialPath']);
    for (const p of ['COM3', '/dev/ttyUSB0', '/dev/rfcomm0', '/dev/ttyACM0']) expect(issues({ kind: 'serial', serialPath: p })).toEqual([]);
  });
});
