import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A serial cable in software: socat joins two pseudo-terminals, one for the app (as it would
// open /dev/ttyUSB0 or /dev/rfcomm0) and one for the virtual printer.

export interface PtyPair { app: string; printer: string; close(): Promise<void> }

export function socatUnavailable(): string | null {
  return spawnSync('sh', ['-c', 'command -v socat']).status === 0 ? null : 'socat is not installed (apt-get install socat)';
}

export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-pty-'));
  const app = join(dir, 'ttyLOKET0');
  const printer = join(dir, 'ttyPRINTER0');
  const child = spawn('socat', [`pty,raw,echo=0,link=${app}`, `pty,raw,echo=0,link=${printer}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(app) && existsSync(printer)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(app) || !existsSync(printer)) throw new Error('socat did not make the pty pair');
  return {
    app,
    printer,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
