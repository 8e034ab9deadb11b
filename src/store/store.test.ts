import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { versionChunks } from './repositories/chunk-catalog-repository.js';
import { getCachedVectors, putCachedVectors } from './repositories/embedding-cache-repository.js';
import { openStore } from './open-store.js';
import {
  getChunks,
  getDocuments,
  insertDocuments,
  type DocumentWithChunks,
} from './repositories/documents-repository.js';
import {
  createRun,
  finishedSourceKeys,
  findReusableSource,
  findRunningRun,
  recordSources,
  runItems,
} from './repositories/runs-repository.js';
import {
  createVersion,
  currentVersionId,
  resolveVersion,
  versionDocuments,
  versionMembers,
} from './repositories/versions-repository.js';
import type { SqlClient } from './sql-client.js';
import { storeBackends } from './test-support/store-backends.js';

function sampleDocument(id: string, overrides: Partial<DocumentWithChunks> = {}) {
  return {
    id,
    contentHash: `hash-${id}`,
    sourceUri: `knowledge/${id}.md`,
    kind: 'article',
    title: `Title ${id}`,
    language: 'de',
    languageConfidence: 0.97,
    category: 'sun-protection',
    body: 'Sonnenschutz für Gipfeltage. Größe M.',
    metadata: { sku: 'SP-1', price: 12.5 },
    piiCounts: { EMAIL: 1 },
    warnings: ['encoding-repaired:windows-1252'],
    minhash: new Uint8Array([1, 2, 3, 250]),
    chunks: [
      { ordinal: 0, text: 'Sonnenschutz für Gipfeltage.', tokenCount: 4, headingPath: ['Pflege'] },
      { ordinal: 1, text: 'Größe M.', tokenCount: 3, headingPath: [] },
    ],
    ...overrides,
  } satisfies DocumentWithChunks;
}

describe.each(storeBackends())('store suite on $name', (backend) => {
  let db: SqlClient;

  beforeEach(async () => {
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>('select version from schema_migrations');
    const versions = migrations.map((migration) => migration.version).sort((a, b) => a - b);
    expect(rows.map((row) => row.version).sort((a, b) => a - b)).toEqual(versions);
  });

  it('stores documents with chunks, JSON, bytes and umlauts intact', async () => {
    await insertDocuments(db, [sampleDocument('a'), sampleDocument('b', { minhash: null })]);
    await insertDocuments(db, [sampleDocument('a', { title: 'ignored: same address' })]);

    const documents = await getDocuments(db, ['a', 'b']);
    const a = documents.find((document) => document.id === 'a')!;
    expect(documents).toHaveLength(2);
    expect(a.title).toBe('Title a');
    expect(a.body).toBe('Sonnenschutz für Gipfeltage. Größe M.');
    expect(a.metadata).toEqual({ sku: 'SP-1', price: 12.5 });
    expect(a.warnings).toEqual(['encoding-repaired:windows-1252']);
    expect(Array.from(a.minhash!)).toEqual([1, 2, 3, 250]);
    expect(documents.find((document) => document.id === 'b')!.minhash).toBeNull();

    const chunks = await getChunks(db, ['a']);
    expect(chunks.map((chunk) => [chunk.id, chunk.ordinal, chunk.headingPath])).toEqual([
      ['a:0', 0, ['Pflege']],
      ['a:1', 1, []],
    ]);
  });

  it('records runs and finds work that can be reused or resumed', async () => {
    await insertDocuments(db, [sampleDocument('a')]);
    await createRun(db, { id: 'run-1', fingerprint: 'fp', sources: ['x'], settings: { k: 1 } });
    await recordSources(db, 'run-1', [
      {
        sourceKey: 'a.md',
        sourceHash: 'sa',
        settingsHash: 'set',
        status: 'done',
        detail: null,
        items: [kept('a.md', 'a')],
      },
      {
        sourceKey: 'copy.md',
        sourceHash: 'sc',
        settingsHash: 'set',
        status: 'done',
        detail: null,
        items: [{ ...kept('copy.md', null), status: 'duplicate', duplicateOf: 'a' }],
      },
    ]);

    expect((await findRunningRun(db, 'fp'))?.id).toBe('run-1');
    expect(await findRunningRun(db, 'other')).toBeUndefined();
    expect([...(await finishedSourceKeys(db, 'run-1'))].sort()).toEqual(['a.md', 'copy.md']);
    expect((await runItems(db, 'run-1')).map((item) => item.status)).toEqual(['kept', 'duplicate']);
    expect(await findReusableSource(db, 'sa', 'set')).toEqual([
      { sourceUri: 'a.md', documentId: 'a' },
    ]);
    expect(await findReusableSource(db, 'sa', 'other-settings')).toBeUndefined();
    expect(await findReusableSource(db, 'sc', 'set')).toBeUndefined();
  });

  it('commits a version all at once or not at all', async () => {
    await insertDocuments(db, [sampleDocument('a'), sampleDocument('b')]);
    await createRun(db, { id: 'run-1', fingerprint: 'fp', sources: [], settings: {} });
    const members = [
      { documentId: 'a', split: 'train' },
      { documentId: 'b', split: 'test' },
    ];

    await expect(
      db.transaction(async (tx) => {
        await createVersion(tx, { id: 'v0', parentId: null, runId: 'run-1', card: {} }, members);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await currentVersionId(db)).toBeUndefined();
    expect(await versionMembers(db, 'v0')).toEqual([]);

    await db.transaction((tx) =>
      createVersion(tx, { id: 'abc123', parentId: null, runId: 'run-1', card: { n: 2 } }, members),
    );
    expect(await currentVersionId(db)).toBe('abc123');
    expect((await resolveVersion(db, 'abc')).card).toEqual({ n: 2 });
    expect((await resolveVersion(db, 'current')).id).toBe('abc123');
    await expect(resolveVersion(db, 'zzz')).rejects.toThrow(/No dataset version matches/);

    const streamed = [];
    for await (const document of versionDocuments(db, 'abc123', 1)) streamed.push(document);
    expect(
      streamed.map((document) => [document.id, document.split, document.chunks.length]),
    ).toEqual([
      ['a', 'train', 2],
      ['b', 'test', 2],
    ]);
  });
});

describe.each(storeBackends())('retrieval tables on $name', (backend) => {
  let db: SqlClient;
  beforeEach(async () => {
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('caches vectors bit for bit and ignores a second write of the same key', async () => {
    const vector = new Float32Array([0.25, -1.5, 3.125e-7, 1]);
    await putCachedVectors(db, [{ key: 'k1', modelId: 'm', revision: 'r', vector }]);
    await putCachedVectors(db, [
      { key: 'k1', modelId: 'm', revision: 'r', vector: new Float32Array(4) },
    ]);
    const found = await getCachedVectors(db, ['k1', 'missing']);
    expect([...found.keys()]).toEqual(['k1']);
    expect(Array.from(found.get('k1')!)).toEqual(Array.from(vector));
  });

  it('streams the chunks of a version with their document facts', async () => {
    await insertDocuments(db, [sampleDocument('a'), sampleDocument('b')]);
    await createRun(db, { id: 'run-1', fingerprint: 'fp', sources: [], settings: {} });
    await createVersion(db, { id: 'v1', parentId: null, runId: 'run-1', card: {} }, [
      { documentId: 'a', split: 'train' },
    ]);
    const chunks = [];
    for await (const chunk of versionChunks(db, 'v1', 1)) chunks.push(chunk);
    expect(chunks.map((chunk) => [chunk.id, chunk.title, chunk.language, chunk.category])).toEqual([
      ['a:0', 'Title a', 'de', 'sun-protection'],
      ['a:1', 'Title a', 'de', 'sun-protection'],
    ]);
    expect(chunks[0]!.headingPath).toEqual(['Pflege']);
  });
});

function kept(sourceKey: string, documentId: string | null) {
  return {
    sourceKey,
    sourceUri: sourceKey,
    documentId,
    status: 'kept' as const,
    duplicateOf: null,
    similarity: null,
  };
}

describe('embedded store on disk', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'markwerk-store-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('keeps data across reopen and refuses a second opener', async () => {
    const first = await openStore({ workspace });
    await insertDocuments(first, [sampleDocument('a')]);
    await expect(openStore({ workspace })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    await first.close();

    const second = await openStore({ workspace });
    expect(await getDocuments(second, ['a'])).toHaveLength(1);
    await second.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    writeFileSync(path.join(workspace, 'store.lock'), '999999999');
    const store = await openStore({ workspace });
    await store.close();
  });
});
