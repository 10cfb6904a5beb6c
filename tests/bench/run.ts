// `npm run bench`: every benchmark module in this folder, printed as one table. Each figure
// stands beside its raw reference measured in the same run. Not part of CI's pass/fail.
// Run one: `npm run bench -- ledger`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule, BenchRow } from './types';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();

const all: (BenchRow & { module: string })[] = [];
for (const f of files) {
  const mod = (await import(join(import.meta.dirname, f))) as Partial<BenchModule>;
  const name = f.replace('.bench.ts', '');
  process.stderr.write(`bench ${name}: ${mod.title ?? ''}…\n`);
  try {
    const rows = await mod.run!();
    for (const r of rows) all.push({ ...r, module: name });
  } catch (e) {
    all.push({ module: name, name: `FAILED: ${e instanceof Error ? e.message : String(e)}`, value: NaN, unit: '' });
  }
}

const table = all.map((r) => ({
  bench: r.module,
  figure: r.name,
  value: `${r.value.toLocaleString('en')} ${r.unit}`,
  reference: r.reference === undefined ? '' : `${r.reference.toLocaleString('en')} ${r.unit}`,
  ratio: r.ratio === undefined ? '' : `${r.ratio}×`,
  target: r.target ?? '',
  met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
}));
const cols = Object.keys(table[0] ?? { bench: '' }) as (keyof (typeof table)[number])[];
const widths = cols.map((c) => Math.max(c.length, ...table.map((t) => String(t[c]).length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(cols as string[]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(cols.map((c) => String(t[c]))));
process.exit(0);
