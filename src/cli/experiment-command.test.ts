import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerExperimentCommand } from './experiment-command.js';

/** Runs `markwerk experiment ...` in-process against a workspace and returns stdout. */
async function run(workspace: string, args: string[]): Promise<string> {
  const program = new Command('markwerk').option('-w, --workspace <folder>').exitOverride();
  registerExperimentCommand(program);
  let output = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'markwerk', '--workspace', workspace, ...args]);
  } finally {
    spy.mockRestore();
  }
  return output;
}

describe('markwerk experiment', () => {
  let folder: string;
  let savedUrl: string | undefined;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'markwerk-experiment-cli-'));
    savedUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
  });

  it('creates, assigns, records and reports, with a JSON and an HTML report', async () => {
    const workspace = path.join(folder, 'workspace');
    const created = await run(workspace, ['experiment', 'create', 'hero', '--variants', 'a,b']);
    expect(created).toContain('Sample size per arm: 3841 users');

    const variant = (await run(workspace, ['experiment', 'assign', 'hero', 'user-1'])).trim();
    expect(['a', 'b']).toContain(variant);

    const events = path.join(folder, 'events.jsonl');
    writeFileSync(events, '{"user":"user-2","event":"impression"}\n');
    await run(workspace, ['experiment', 'record', 'hero', '--jsonl', events]);
    const recorded = await run(workspace, [
      'experiment',
      'record',
      'hero',
      '--user',
      'user-1',
      '--event',
      'revenue',
      '--value',
      '12.5',
      '--json',
    ]);
    expect(JSON.parse(recorded)).toMatchObject({ recorded: 1, byKind: { revenue: 1 } });

    const html = path.join(folder, 'report.html');
    const report = JSON.parse(
      await run(workspace, ['experiment', 'report', 'hero', '--json', '--html', html]),
    );
    const users = report.analysis.variants.map((item: { users: number }) => item.users);
    expect(users.reduce((sum: number, count: number) => sum + count, 0)).toBe(2);
    expect(report.analysis.decision.action).toBe('keep-running');
    expect(readFileSync(html, 'utf8')).toContain('<h1>Experiment hero</h1>');

    await expect(
      run(workspace, [
        'experiment',
        'record',
        'hero',
        '--user',
        'u',
        '--event',
        'click',
        '--jsonl',
        events,
      ]),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('lists experiments and stops one', async () => {
    const workspace = path.join(folder, 'workspace');
    expect(await run(workspace, ['experiment', 'list'])).toMatch(/^No experiments yet/);
    await run(workspace, ['experiment', 'create', 'hero', '--variants', 'a,b']);
    await run(workspace, ['experiment', 'assign', 'hero', 'user-1']);

    expect(await run(workspace, ['experiment', 'stop', 'hero'])).toMatch(/^Stopped experiment/);
    expect(await run(workspace, ['experiment', 'stop', 'hero'])).toMatch(/already stopped/);

    const table = (await run(workspace, ['experiment', 'list'])).split('\n');
    expect(table[0]).toMatch(/^name\s+status\s+metric\s+variants\s+users\s+created$/);
    expect(table[1]).toMatch(/^hero\s+stopped\s+conversion\s+a,b\s+1\s+\d{4}-\d{2}-\d{2}$/);
    const report = await run(workspace, ['experiment', 'report', 'hero']);
    expect(report).toContain('stopped: new users are not counted');
  });
});
