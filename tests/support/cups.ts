import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real cupsd of the test's own: its own folder, its own loopback port, no system queues
// touched. The app's `lp`/`lpstat` reach it through CUPS_SERVER. cupsd drops privileges to
// the `lp` user, so the folder is open to it.

export interface TestCups {
  /** host:port, for CUPS_SERVER. */
  server: string;
  /** A raw queue whose device is `uri` (socket://127.0.0.1:PORT): bytes pass through unchanged. */
  addRawQueue(name: string, uri: string, opts?: { isDefault?: boolean; description?: string }): void;
  lp(args: string[]): string;
  stop(): Promise<void>;
}

/** Why a real cupsd cannot run here, or null when it can. */
export function cupsUnavailable(): string | null {
  for (const bin of ['cupsd', 'lpadmin', 'lp', 'lpstat']) {
    const found = spawnSync('sh', ['-c', `command -v ${bin} || ls /usr/sbin/${bin}`], { encoding: 'utf8' });
    if (found.status !== 0) return `${bin} is not installed (apt-get install cups cups-client)`;
  }
  if (process.getuid?.() !== 0) return 'cupsd must start as root (it then runs as lp)';
  if (spawnSync('id', ['lp']).status !== 0) return 'no lp user for cupsd to run as';
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForScheduler(server: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`cupsd exited ${child.exitCode}: ${log()}`);
    const r = spawnSync('lpstat', ['-r'], { env: { ...process.env, CUPS_SERVER: server, LANG: 'C' }, encoding: 'utf8' });
    if (r.stdout.includes('scheduler is running')) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`cupsd did not answer on ${server}: ${log()}`);
}

export async function startCups(): Promise<TestCups> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-cups-'));
  for (const sub of ['cache', 'spool', 'log', 'state', 'ppd']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const server = `127.0.0.1:${port}`;
  writeFileSync(join(dir, 'cupsd.conf'), [
    `Listen ${server}`, 'LogLevel warn', 'Browsing Off', 'DefaultAuthType None', 'WebInterface No',
    'JobRetryInterval 1',
    '<Location />', '  Order allow,deny', '  Allow all', '</Location>',
    '<Location /admin>', '  Order allow,deny', '  Allow all', '</Location>',
    '<Policy default>', '  <Limit All>', '    Order deny,allow', '  </Limit>', '</Policy>', '',
  ].join('\n'));
  writeFileSync(join(dir, 'cups-files.conf'), [
    `ServerRoot ${dir}`, `CacheDir ${dir}/cache`, `StateDir ${dir}/state`, `RequestRoot ${dir}/spool`,
    `TempDir ${dir}/spool`, 'ServerBin /usr/lib/cups', 'DataDir /usr/share/cups',
    `AccessLog ${dir}/log/access_log`, `ErrorLog ${dir}/log/error_log`, `PageLog ${dir}/log/page_log`,
    'User lp', 'Group lp', 'SystemGroup root', 'Sandboxing Relaxed', '',
  ].join('\n'));
  chmodSync(dir, 0o777);
  for (const sub of ['cache', 'spool', 'log', 'state', 'ppd']) chmodSync(join(dir, sub), 0o777);
  let out = '';
  const child = spawn('cupsd', ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
  await waitForScheduler(server, child, () => out);
  const env = { ...process.env, CUPS_SERVER: server, LANG: 'C', LC_ALL: 'C' };
  const must = (cmd: string, args: string[]): string => {
    const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  return {
    server,
    addRawQueue(name, uri, opts) {
      // retry-job: a printer that is off keeps its jobs in CUPS, which prints them when it is back.
      must('lpadmin', ['-p', name, '-E', '-v', uri, '-m', 'raw', '-D', opts?.description ?? name, '-o', 'printer-error-policy=retry-job']);
      if (opts?.isDefault) must('lpadmin', ['-d', name]);
    },
    lp: (args) => must('lp', args),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((res) => child.once('exit', res));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((res) => setTimeout(res, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
