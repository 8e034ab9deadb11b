import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

describe('markwerk CLI (built binary in a child process)', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'markwerk-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints help with every command and exits 0', async () => {
    const run = await runCli(['--help'], folder);
    expect(run.code).toBe(0);
    for (const command of ['demo', 'ingest', 'datasets', 'config']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('exits 2 with a clear message on usage and configuration errors', async () => {
    const unknown = await runCli(['frobnicate'], folder);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);

    const missing = await runCli(['ingest', 'no-such-folder', '-w', 'ws'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-folder does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(path.join(folder, 'bad.yaml'), 'ingest:\n  dedupe:\n    threshold: 3\n');
    const invalid = await runCli(['-c', 'bad.yaml', 'datasets', 'list'], folder);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/ingest\.dedupe\.threshold = 3/);
  });

  it('scores readability line by line and names the line of a bad input', async () => {
    writeFileSync(
      path.join(folder, 'texts.jsonl'),
      [
        JSON.stringify({ id: 'en-1', text: 'The cat sat on the mat.', lang: 'en' }),
        JSON.stringify({ id: 'de-1', text: 'Die Jacke hält dicht. Sie ist leicht.', lang: 'de' }),
      ].join('\n'),
    );
    const run = await runCli(['eval', 'readability', '--jsonl', 'texts.jsonl'], folder);
    expect(run.code, run.stderr).toBe(0);
    const [english, german] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(english).toEqual({ id: 'en-1', flesch_reading_ease: expect.closeTo(116.145, 3) });
    expect(Object.keys(german)).toEqual(['id', 'flesch_reading_ease', 'wiener_sachtextformel']);

    writeFileSync(path.join(folder, 'bad.jsonl'), '{"id":1,"text":"x","lang":"en"}\n{"id":2}\n');
    const bad = await runCli(['eval', 'readability', '--jsonl', 'bad.jsonl'], folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.jsonl:2: /);
  });

  it('scores candidates against references line by line, then the corpus', async () => {
    writeFileSync(
      path.join(folder, 'pairs.jsonl'),
      [
        JSON.stringify({ id: 1, candidate: 'the cat sat', references: ['the cat sat'] }),
        JSON.stringify({ id: 2, candidate: 'a dog', references: ['the cat sat', 'x y'] }),
      ].join('\n'),
    );
    const args = ['eval', 'text', '--jsonl', 'pairs.jsonl', '--json', '--html', 'text.html'];
    const run = await runCli(args, folder);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(path.join(folder, 'text.html'), 'utf8');
    expect(page).toContain('<svg');
    expect(page).toMatch(/chrf_pp/);
    const [same, different, corpus] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(same.rouge1).toEqual({ precision: 1, recall: 1, fmeasure: 1 });
    expect(same.bleu).toBeCloseTo(100, 6);
    expect(same.chrf).toBeCloseTo(100, 6);
    expect(different.rougeL.fmeasure).toBe(0);
    expect(Object.keys(different)).toEqual([
      'id',
      'rouge1',
      'rouge2',
      'rougeL',
      'rougeLsum',
      'bleu',
      'chrf',
      'chrf_pp',
    ]);
    expect(corpus).toMatchObject({ id: 'corpus', segments: 2 });
    // No candidate has four words, so no 4-gram matches: unsmoothed corpus BLEU is 0.
    expect(corpus.bleu).toBe(0);
    expect(corpus.chrf).toBeGreaterThan(0);

    writeFileSync(
      path.join(folder, 'clash.jsonl'),
      `${JSON.stringify({ id: 'corpus', candidate: 'a', references: ['a'] })}\n`,
    );
    const clash = await runCli(['eval', 'text', '--jsonl', 'clash.jsonl', '--json'], folder);
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toMatch(/clash.jsonl:1: id: the id "corpus" is reserved for the summary/);
  });

  it('runs the demo, then lists, shows, exports and diffs its dataset', async () => {
    const demo = await runCli(['demo', '--json', '-w', 'demo'], folder);
    expect(demo.code, demo.stderr).toBe(0);
    const report = JSON.parse(demo.stdout);
    expect(report.card.counts.documents).toBeGreaterThan(400);
    expect(report.example.excerpt).toMatch(/\[(EMAIL|PHONE)\]/);

    const list = JSON.parse(
      (await runCli(['datasets', 'list', '--json', '-w', 'demo'], folder)).stdout,
    );
    expect(list).toEqual([expect.objectContaining({ id: report.versionId, current: true })]);

    const shown = await runCli(
      ['datasets', 'show', report.versionId.slice(0, 8), '-w', 'demo'],
      folder,
    );
    expect(shown.stdout).toContain(`Dataset version ${report.versionId}`);
    expect(shown.stdout).toMatch(/languages\s+de \d+, en \d+/);

    const exported = await runCli(['datasets', 'export', '--out', 'hub', '-w', 'demo'], folder);
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(path.join(folder, 'hub/data/chunks/train.jsonl'))).toBe(true);
    expect(readFileSync(path.join(folder, 'hub/README.md'), 'utf8')).toMatch(/^---\n/);

    const diff = await runCli(
      ['datasets', 'diff', report.versionId, '--json', '-w', 'demo'],
      folder,
    );
    expect(JSON.parse(diff.stdout)).toMatchObject({ added: [], removed: [], changed: [] });

    expect(report.searches).toHaveLength(4);
    const harness = report.searches.find(
      (search: { language: string }) => search.language === 'en',
    );
    expect(harness.results[0].source).toBe('knowledge/fitting-a-harness.en.md');

    const search = await runCli(
      ['search', 'Kletterseil pflegen', '--json', '--k', '3', '-w', 'demo'],
      folder,
    );
    expect(search.code, search.stderr).toBe(0);
    const found = JSON.parse(search.stdout);
    expect(found.version).toBe(report.versionId);
    expect(found.results[0]).toMatchObject({
      rank: 1,
      citation: { source: expect.stringMatching(/seil/) },
      components: { bm25: expect.any(Object), dense: expect.any(Object) },
    });

    const english = await runCli(
      ['search', 'sunscreen', '--mode', 'bm25', '--filter', 'language=en', '--json', '-w', 'demo'],
      folder,
    );
    const hits = JSON.parse(english.stdout).results;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit: { language: string }) => hit.language === 'en')).toBe(true);
  }, 300_000);
});
