import Database from 'better-sqlite3';
import { nowMs } from './stats';

// The floor under a write figure: what SQLite alone takes for exactly the statements a procedure
// ran. A recorder notes every statement (its SQL, its method, its arguments, and whether it ran
// inside a transaction) while the real procedure runs through the router; the replay then runs
// the same statements, in the same order and the same transactions, on a copy of the ledger
// taken just before, with no JS around them but the loop. No change to the JS can make the
// procedure faster than its replay.

type Method = 'run' | 'get' | 'all' | 'iterate';
/** `tx`: which of the procedure's transactions ran the statement (null: it committed alone). */
export interface Recorded { sql: string; method: Method; args: unknown[]; tx: number | null }

const METHODS: Method[] = ['run', 'get', 'all', 'iterate'];
const CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * Notes the statements run on `db` inside `capture`. Patches the Statement class (shared by
 * every connection of the process) for as long as the recorder lives; `release` restores it.
 */
export function statementRecorder(db: Database.Database) {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown> & { source: string; database: Database.Database };
  const originals = Object.fromEntries(METHODS.map((m) => [m, proto[m]])) as Record<Method, (...a: unknown[]) => unknown>;
  let into: Recorded[] | null = null;
  for (const method of METHODS) {
    proto[method] = function (this: typeof proto, ...args: unknown[]) {
      // better-sqlite3 runs its own BEGIN/COMMIT/SAVEPOINT as statements: the replay makes its own.
      if (into && this.database === db && !CONTROL.test(this.source)) into.push({ sql: this.source, method, args, tx: db.inTransaction ? transactions : null });
      return originals[method].apply(this, args);
    };
  }
  // Two transactions in a row are told apart by counting the outermost ones as they begin.
  let transactions = 0;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const wrapped = transaction(fn);
    const counted = (...a: unknown[]) => { if (!db.inTransaction) transactions++; return wrapped(...a); };
    return Object.assign(counted, { deferred: wrapped.deferred, immediate: wrapped.immediate, exclusive: wrapped.exclusive, default: wrapped.default });
  }) as typeof db.transaction;
  return {
    /** Runs `work` and gives back the statements it ran on `db`. */
    async capture(work: () => Promise<void>): Promise<Recorded[]> {
      const noted: Recorded[] = [];
      into = noted;
      try { await work(); } finally { into = null; }
      return noted;
    },
    release() {
      for (const m of METHODS) proto[m] = originals[m];
      db.transaction = transaction;
    },
  };
}

/** One procedure's statements, cut into its transactions (a statement outside one commits alone). */
function transactionsOf(statements: Recorded[]): Recorded[][] {
  const out: Recorded[][] = [];
  let last: number | null = null;
  for (const s of statements) {
    if (s.tx === null || s.tx !== last) out.push([s]); else out[out.length - 1].push(s);
    last = s.tx;
  }
  return out;
}

/**
 * Replays each procedure's statements on the ledger copy at `file` (WAL, synchronous=FULL, as
 * the ledger opens), one durable transaction per transaction the procedure committed. Gives the
 * procedures per second. `keep` narrows each procedure to some of its statements (e.g. the entry's
 * insert alone).
 */
export function replay(file: string, procedures: Recorded[][], keep: (s: Recorded) => boolean = () => true): { perSecond: number; statements: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const prepared = new Map<string, Database.Statement>();
  const statementOf = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) { s = db.prepare(sql); prepared.set(sql, s); }
    return s;
  };
  const plan = procedures.map((p) => transactionsOf(p.filter(keep)).map((tx) => ({
    alone: tx[0].tx === null, statements: tx.map((s) => ({ statement: statementOf(s.sql), method: s.method, args: s.args })),
  })));
  type Planned = (typeof plan)[number][number]['statements'][number];
  const exec = (s: Planned) => {
    if (s.method === 'iterate') { for (const _ of s.statement.iterate(...s.args)) { /* drain */ } return; }
    (s.statement[s.method] as (...a: unknown[]) => unknown)(...s.args);
  };
  const commitEach = db.transaction((tx: Planned[]) => { for (const s of tx) exec(s); });
  const start = nowMs();
  for (const procedure of plan) {
    for (const tx of procedure) {
      if (tx.alone) exec(tx.statements[0]); else commitEach(tx.statements);
    }
  }
  const elapsed = nowMs() - start;
  db.close();
  return { perSecond: (procedures.length / elapsed) * 1000, statements: plan.reduce((n, p) => n + p.reduce((m, tx) => m + tx.statements.length, 0), 0) / Math.max(1, plan.length) };
}
