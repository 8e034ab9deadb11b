import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { IngestConfig } from '../../core/config-schema.js';
import { openStore } from '../../store/open-store.js';
import type { StoredDocument } from '../../store/repositories/documents-repository.js';
import {
  currentVersionId,
  resolveVersion,
  versionDocuments,
} from '../../store/repositories/versions-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { parse as parseYaml } from 'yaml';
import { diffVersions } from '../datasets/diff-versions.js';
import { exportVersion } from '../datasets/export-version.js';
import { runIngest, type IngestResult } from './run-ingest.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));

describe('ingest of the sample brand', () => {
  let folder: string;
  let samples: string;
  let store: SqlClient;
  let config: IngestConfig;
  let first: IngestResult;
  let documents: StoredDocument[];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'markwerk-samples-'));
    samples = path.join(folder, 'samples');
    cpSync(SAMPLES, samples, { recursive: true });
    config = loadConfig({ file: path.join(samples, 'markwerk.yaml'), env: {} }).config.ingest;
    store = await openStore({ workspace: path.join(folder, 'workspace') });
    first = await runIngest({ store, config, inputs: [samples] });
    documents = [];
    for await (const document of versionDocuments(store, first.versionId)) {
      documents.push(document);
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const bySource = (prefix: string) => documents.filter((d) => d.sourceUri.startsWith(prefix));

  it('turns every feed row into one document per language', () => {
    const rows = readFileSync(path.join(samples, 'feeds/products.csv'), 'utf8');
    const skus = [...rows.matchAll(/^(BF-[A-Z0-9-]+),/gm)].map((match) => match[1]);
    const products = bySource('feeds/products.csv#');
    expect(products).toHaveLength(skus.length * 2);
    expect(new Set(products.map((d) => d.language))).toEqual(new Set(['de', 'en']));
    const sunscreen = products.find((d) => d.sourceUri.includes('BF-SUN-110-50ML&lang=de'))!;
    expect(sunscreen.category).toBe('sun-protection');
    expect(sunscreen.metadata.gtin).toBe('4260739112030');
    expect(sunscreen.body).toContain('Gletschertouren');
  });

  it('detects German and English and repairs the page in the wrong encoding', () => {
    const articles = bySource('knowledge/');
    expect(articles.find((d) => d.sourceUri.endsWith('.de.md'))!.language).toBe('de');
    expect(articles.find((d) => d.sourceUri.endsWith('.en.md'))!.language).toBe('en');

    const legacy = bySource('site/alt/wanderschuhe-ratgeber.html')[0]!;
    expect(legacy.warnings).toContain('encoding-repaired:windows-1252');
    expect(legacy.body).toMatch(/[äöüß]/);
    expect(legacy.body).not.toContain('\uFFFD');
  });

  it('drops the exact and near duplicates and names what they duplicate', () => {
    const removed = first.card.dedupe.removed;
    expect(removed).toContainEqual(
      expect.objectContaining({ sourceUri: 'site/start.html', kind: 'duplicate' }),
    );
    const near = removed.filter((item) => item.kind === 'near-duplicate');
    expect(near.map((item) => [item.sourceUri, item.duplicateOf].sort())).toEqual(
      expect.arrayContaining([
        ['site/blog/2023/zelt-im-sturm.html', 'site/blog/zelt-im-sturm.html'],
        ['knowledge/ruecksendung-umtausch-2024.de.md', 'knowledge/ruecksendung-umtausch.de.md'],
      ]),
    );
    // The newer of two near duplicates is kept, whatever order the files come in.
    expect(near.map((item) => item.sourceUri).sort()).toEqual([
      'knowledge/ruecksendung-umtausch-2024.de.md',
      'site/blog/2023/zelt-im-sturm.html',
    ]);
    expect(first.card.counts.documents).toBe(documents.length);
    expect(bySource('site/start.html')).toEqual([]);
  });

  it('masks personal data in support tickets but not look-alikes or allowed addresses', () => {
    const tickets = bySource('support/tickets.jsonl');
    const raw = readFileSync(path.join(samples, 'support/tickets.jsonl'), 'utf8');
    expect(tickets).toHaveLength(raw.trim().split('\n').length);

    const text = tickets.map((d) => `${d.title}\n${d.body}`).join('\n');
    const emails = [...raw.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)]
      .map((match) => match[0])
      .filter((email) => !email.endsWith('@bergfink.example'));
    expect(emails.length).toBeGreaterThan(5);
    for (const email of emails) expect(text).not.toContain(email);
    expect(text).not.toMatch(/DE89 ?3704 ?0044 ?0532 ?0130 ?00/);
    expect(text).not.toContain('4111');
    expect(text).toContain('DE44 7001 5000 0012 3456 78');
    expect(text).toContain('4000 1234 5678 9011');
    expect(text).toContain('[EMAIL]');
    expect(first.card.pii.masked.IBAN).toBeGreaterThanOrEqual(5);
  });

  it('chunks every document and records the card facts', () => {
    expect(first.card.counts.chunks).toBeGreaterThanOrEqual(documents.length);
    expect(first.card.license).toBe('cc-by-4.0');
    expect(Object.keys(first.card.splits).sort()).toEqual(['test', 'train']);
    expect(first.card.sources.failed).toEqual([]);
  });

  it('exports a folder the Hugging Face Hub accepts', async () => {
    const out = path.join(folder, 'export');
    const version = await resolveVersion(store, first.versionId);
    const result = await exportVersion(store, version, out, { name: 'bergfink' });
    await expect(exportVersion(store, version, out)).rejects.toThrow(/already exists/);

    const readme = readFileSync(path.join(out, 'README.md'), 'utf8');
    const [, frontMatter] = readme.split('---\n');
    const metadata = parseYaml(frontMatter!) as Record<string, unknown>;
    expect(metadata).toMatchObject({ license: 'cc-by-4.0', pretty_name: 'bergfink' });
    expect(metadata.language).toEqual(expect.arrayContaining(['de', 'en']));
    const configs = metadata.configs as Array<{ data_files: Array<{ path: string }> }>;
    for (const file of configs.flatMap((config) => config.data_files)) {
      expect(result.files).toContain(file.path);
    }

    const lines = (file: string) =>
      readFileSync(path.join(out, file), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    const exported = [
      ...lines('data/documents/train.jsonl'),
      ...lines('data/documents/test.jsonl'),
    ];
    expect(exported).toHaveLength(first.card.counts.documents);
    expect(exported[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        text: expect.any(String),
        language: expect.any(String),
      }),
    );
    expect(result.chunks).toBe(first.card.counts.chunks);
  });

  it('yields the same version for the same data, reusing earlier work', async () => {
    const again = await runIngest({ store, config, inputs: [samples] });
    expect(again.versionId).toBe(first.versionId);
    expect(again.unchanged).toBe(true);
    // Only sources whose documents were dropped as duplicates have nothing stored to reuse.
    expect(again.sources.processed).toBeLessThanOrEqual(first.card.dedupe.removed.length);
    expect(again.sources.reused + again.sources.processed).toBe(first.sources.processed);
  });

  it('versions a change and stops on a malformed CSV with its file and line', async () => {
    appendFileSync(
      path.join(samples, 'knowledge/klettergurt-anlegen.de.md'),
      '\n\nNeu: Prüfen Sie den Gurt vor jeder Tour auf Scheuerstellen.\n',
    );
    const changed = await runIngest({ store, config, inputs: [samples] });
    expect(changed.versionId).not.toBe(first.versionId);
    expect(changed.card.parent).toBe(first.versionId);
    const diff = await diffVersions(
      store,
      await resolveVersion(store, first.versionId),
      await resolveVersion(store, changed.versionId),
    );
    expect(diff.changed).toEqual(['knowledge/klettergurt-anlegen.de.md']);
    expect(diff.added).toEqual([]);

    appendFileSync(path.join(samples, 'crm/segments.csv'), 'SEG-99,"unclosed quote,x\n');
    await expect(runIngest({ store, config, inputs: [samples] })).rejects.toThrow(
      /crm\/segments\.csv:\d+/,
    );
    expect(await currentVersionId(store)).toBe(changed.versionId);
  });
});
