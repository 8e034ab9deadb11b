import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built `markwerk` binary; `npm test` builds it before the tests run. */
export const MARKWERK_BIN = fileURLToPath(new URL('../../../bin/markwerk.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process; `killWhen` sends `signal` (SIGKILL by default)
 * once stderr matches.
 */
export function runCli(
  args: string[],
  cwd: string,
  killWhen?: RegExp,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: '' };
    const child = spawn(process.execPath, [MARKWERK_BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    let signalled = false;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      if (signalled || !killWhen?.test(stderr) || child.exitCode !== null) return;
      signalled = true;
      child.kill(signal);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
