import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MarkwerkError } from '../core/errors.js';

const heldByThisProcess = new Set<string>();

/**
 * An exclusive lock on a workspace's embedded database. PGlite must never be opened by
 * two processes at once; a lock left by a process that died (kill -9) is taken over.
 * Returns the function that releases it.
 */
export function lockWorkspace(workspace: string): () => void {
  mkdirSync(workspace, { recursive: true });
  const file = path.resolve(workspace, 'store.lock');

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(file);
      return () => {
        heldByThisProcess.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      const ownedHere = owner === process.pid && heldByThisProcess.has(file);
      if (ownedHere || (owner !== process.pid && isAlive(owner))) {
        throw new MarkwerkError(
          'STORE_LOCKED',
          `The workspace ${workspace} is in use by process ${owner}. Wait for it to finish, ` +
            `or stop it; if no such process exists, delete ${file}.`,
          { details: { workspace, pid: owner } },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new MarkwerkError('STORE_LOCKED', `Could not lock ${workspace}; try again.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
