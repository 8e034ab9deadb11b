import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import { findRunningRun } from '../../store/repositories/runs-repository.js';
import {
  currentVersionId,
  versionDocuments,
} from '../../store/repositories/versions-repository.js';
import { runCli } from '../../cli/test-support/run-cli.js';
import { writeGeneratedCorpus } from '../test-support/generated-corpus.js';

describe('ingest survives kill -9 (built CLI in a child process; `npm test` builds it)', () => {
  let root: string;
  let corpus: string;
  let workspace: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'markwerk-crash-'));
    corpus = path.join(root, 'corpus');
    workspace = path.join(root, 'workspace');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the previous version, resumes, and stores every document exactly once', async () => {
    const first = writeGeneratedCorpus(corpus, 40, 3000);
    const initial = await runCli(['ingest', corpus, '-w', workspace, '--json'], root);
    expect(initial.code, initial.stderr).toBe(0);
    const previousVersion = JSON.parse(initial.stdout).versionId as string;

    const all = writeGeneratedCorpus(corpus, 700, 3000);
    const args = ['ingest', corpus, '-w', workspace, '--json', '--log-level', 'info'];
    const killed = await runCli(args, root, /batch-stored[\s\S]*batch-stored[\s\S]*batch-stored/);
    expect(killed.signal).toBe('SIGKILL');

    const store = await openStore({ workspace });
    try {
      expect(await currentVersionId(store)).toBe(previousVersion);
      const previous = [];
      for await (const document of versionDocuments(store, previousVersion)) {
        previous.push(document.sourceUri);
      }
      expect(previous.sort()).toEqual(first);
      const interrupted = await store.query<{ n: number }>(
        `select count(*)::int as n from ingest_runs where status = 'running'`,
      );
      expect(interrupted[0]!.n).toBe(1);
      expect(await findRunningRun(store, 'no-such-fingerprint')).toBeUndefined();
    } finally {
      await store.close();
    }

    const resumed = await runCli(['ingest', corpus, '-w', workspace, '--json'], root);
    expect(resumed.code, resumed.stderr).toBe(0);
    const result = JSON.parse(resumed.stdout);
    expect(result.resumed).toBe(true);
    expect(result.sources.skipped).toBeGreaterThanOrEqual(3 * 64);
    expect(result.sources.skipped + result.sources.processed + result.sources.reused).toBe(700);

    const check = await openStore({ workspace });
    try {
      const uris: string[] = [];
      for await (const document of versionDocuments(check, result.versionId)) {
        uris.push(document.sourceUri);
      }
      expect(uris.sort()).toEqual(all);
      expect(new Set(uris).size).toBe(all.length);
      const runItems = await check.query<{ source_uri: string; n: number }>(
        `select source_uri, count(*)::int as n from run_items where run_id = $1
         group by source_uri having count(*) > 1`,
        [result.runId],
      );
      expect(runItems).toEqual([]);
    } finally {
      await check.close();
    }
  });

  it('stops cleanly on Ctrl-C (SIGINT), keeps finished work, and resumes', async () => {
    const corpus2 = path.join(root, 'corpus-interrupt');
    const workspace2 = path.join(root, 'workspace-interrupt');
    const names = writeGeneratedCorpus(corpus2, 500, 3000);
    const args = ['ingest', corpus2, '-w', workspace2, '--json', '--log-level', 'info'];

    const interrupted = await runCli(args, root, /batch-stored/, 'SIGINT');
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toMatch(/Stopped by SIGINT.*run the same command again/);

    const resumed = await runCli(['ingest', corpus2, '-w', workspace2, '--json'], root);
    expect(resumed.code, resumed.stderr).toBe(0);
    const result = JSON.parse(resumed.stdout);
    expect(result.resumed).toBe(true);
    expect(result.sources.skipped).toBeGreaterThanOrEqual(64);
    expect(result.card.counts.documents).toBe(names.length);
  });
});
