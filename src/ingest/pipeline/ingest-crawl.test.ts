import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type IngestConfig } from '../../core/config-schema.js';
import { openStore } from '../../store/open-store.js';
import { versionDocuments } from '../../store/repositories/versions-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { testCrawlConfig } from '../crawl/test-support/run-crawl.js';
import { startStandInSite, type StandInSite } from '../crawl/test-support/stand-in-site-server.js';
import type { StoredDocument } from '../../store/repositories/documents-repository.js';
import { runIngest, type IngestResult } from './run-ingest.js';

describe('ingest of a crawled site (local stand-in server serving samples/site)', () => {
  let site: StandInSite;
  let store: SqlClient;
  let result: IngestResult;
  const documents: StoredDocument[] = [];

  beforeAll(async () => {
    site = await startStandInSite({ stallMs: 1_500 });
    store = await openStore({});
    const config: IngestConfig = {
      ...configSchema.parse({}).ingest,
      crawl: { ...testCrawlConfig, timeoutMs: 600 },
    };
    result = await runIngest({
      store,
      config,
      inputs: [`${site.origin}/`, `${site.origin}/specials.html`],
    });
    for await (const document of versionDocuments(store, result.versionId)) {
      documents.push(document);
    }
  });
  afterAll(async () => {
    await store.close();
    await site.close();
  });

  it('stores the public pages as documents with their language', () => {
    const home = documents.find((d) => d.sourceUri === `${site.origin}/`);
    expect(home?.language).toBe('de');
    expect(documents.some((d) => d.language === 'en')).toBe(true);
    expect(documents.length).toBeGreaterThan(15);
    expect(documents.every((d) => !d.sourceUri.includes('/intern/'))).toBe(true);
    expect(site.countOf('/intern/preise.html')).toBe(0);
  });

  it('logs and skips each bad page without stopping the run', () => {
    const failed = new Map(result.card.sources.failed.map((f) => [new URL(f.source).pathname, f]));
    expect(failed.get('/loop-a')?.reason ?? failed.get('/loop-b')?.reason).toMatch(/redirect/);
    expect(failed.get('/slow-headers')?.reason).toMatch(/^timeout/);
    expect(failed.get('/error-500')?.reason).toMatch(/^http-error/);
    expect(failed.get('/cut-off')?.reason).toMatch(/network-error|timeout/);
    expect(failed.get('/brochure.pdf')?.reason).toMatch(/^content-type/);
    expect(result.sources.failed).toBe(result.card.sources.failed.length);
  });

  it('decodes the page whose server declares the wrong charset', () => {
    const legacy = documents.find((d) => d.sourceUri.endsWith('/alt/wanderschuhe-ratgeber.html'));
    expect(legacy?.body).toMatch(/[äöüß]/);
    expect(legacy?.warnings.join(' ')).toMatch(/encoding-repaired/);
  });
});
