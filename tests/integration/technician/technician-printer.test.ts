import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { testClock, testHost, signInAs } from '../../support/host';
import { audits, caller, err, out } from './technician-helpers';

// The printer settings and the test page, against the virtual printer on a real TCP socket.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

async function setup() {
  const h = await testHost({ clock: testClock() });
  stops.push(h.cleanup);
  const vp: VirtualPrinter = await startVirtualPrinter({ dir: join(h.dir, 'printer'), cpl: 32 });
  stops.push(() => vp.close());
  const call = caller(h);
  return { h, vp, call, tech: await signInAs(h, 'teknisi', '999999'), head: await signInAs(h, 'kepala', '123456') };
}

describe('printer settings and test page', () => {
  it('saves the virtual printer and prints the test page that arrives there', async () => {
    const { h, vp, call, tech } = await setup();
    const saved = out(await call('printer.save', { kind: 'virtual', port: vp.port, paperWidth: 58, charsPerLine: 32 }, tech));
    expect(saved).toMatchObject({ kind: 'virtual', port: vp.port, paperWidth: 58, charsPerLine: 32, target: `tcp://127.0.0.1:${vp.port}` });
    const r = out(await call('printer.testPrint', {}, tech));
    const job = await vp.waitForJob(1);
    expect(job.decoded.lines).toContain('HALAMAN UJI PRINTER');
    expect(job.decoded.lines).toContain('12345678901234567890123456789012'); // the ruler at 32 characters
    expect(job.decoded.cuts).toBe(1);
    expect(r.text).toContain('HALAMAN UJI PRINTER');
    expect(r.bytes).toBe(job.bytes.length);
    expect(out(await call('printer.status', {}, tech)).status).toBe('ready');
    expect(out(await call('status.get', {}, tech)).printer).toBe('ready');
    expect(audits(h, 'printer.save')).toHaveLength(1);
    expect(audits(h, 'printer.testPrint')).toHaveLength(1);
  });

  it('says the printer cannot be reached when it is off', async () => {
    const { vp, call, tech } = await setup();
    out(await call('printer.save', { kind: 'virtual', port: vp.port, paperWidth: 80, charsPerLine: 48 }, tech));
    await vp.setOnline(false);
    expect(err(await call('printer.testPrint', {}, tech))).toMatchObject({ code: 'UNAVAILABLE', key: 'printing.err.unreachable' });
    expect(out(await call('printer.status', {}, tech)).status).toBe('offline');
  });

  it('validates every value and lets a head only look', async () => {
    const { call, tech, head, h } = await setup();
    const bad = err(await call('printer.save', { kind: 'network', host: 'bad host!', port: 70000, paperWidth: 58, charsPerLine: 48 }, tech));
    expect(bad.fields?.map((f) => `${f.path}:${f.key}`).sort()).toEqual(['charsPerLine:err.printer.cplPaper', 'host:err.printer.host', 'port:err.printer.port']);
    const bad2 = err(await call('printer.save', { kind: 'network', host: 'bad host!', paperWidth: 58, charsPerLine: 48 }, tech));
    expect(bad2.fields?.map((f) => `${f.path}:${f.key}`).sort()).toEqual(['charsPerLine:err.printer.cplPaper', 'host:err.printer.host']);
    expect(err(await call('printer.save', { kind: 'file', filePath: 'relative.bin', paperWidth: 80, charsPerLine: 48 }, tech)).fields?.[0]).toMatchObject({ path: 'filePath', key: 'err.printer.filePath' });
    expect(out(await call('printer.get', {}, head)).kind).toBe('none');
    expect(err(await call('printer.save', { kind: 'none', paperWidth: 80, charsPerLine: 48 }, head)).code).toBe('FORBIDDEN');
    const teller = await signInAs(h, 'siti', '111111');
    expect(err(await call('printer.get', {}, teller)).code).toBe('FORBIDDEN');
    expect(h.services.settings.get().printer.kind).toBe('none');
  });
});
