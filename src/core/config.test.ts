import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configJsonSchema, loadConfig, parseConfig } from './config.js';

describe('configuration', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'markwerk-config-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('uses defaults when there is no config file', () => {
    const loaded = loadConfig({ cwd: folder, env: {} });
    expect(loaded.file).toBeUndefined();
    expect(loaded.workspace).toBe(path.join(folder, '.markwerk'));
    expect(loaded.databaseUrl).toBeUndefined();
    expect(loaded.config.ingest.chunking).toEqual({ maxTokens: 256, overlapTokens: 32 });
  });

  it('reads YAML, resolves the workspace beside the file, and lets DATABASE_URL win', () => {
    writeFileSync(
      path.join(folder, 'markwerk.yaml'),
      'workspace: data/ws\ndatabaseUrl: postgres://file\ningest:\n  dedupe:\n    threshold: 0.9\n',
    );
    const loaded = loadConfig({ cwd: folder, env: { DATABASE_URL: 'postgres://env' } });
    expect(loaded.workspace).toBe(path.join(folder, 'data/ws'));
    expect(loaded.databaseUrl).toBe('postgres://env');
    expect(loaded.config.ingest.dedupe.threshold).toBe(0.9);
    expect(loaded.config.ingest.dedupe.permutations).toBe(128);
  });

  it('names the key, the value and the fix for a bad value', () => {
    expect(() => parseConfig({ ingest: { chunking: { maxTokens: 'big' } } }, 'm.yaml')).toThrow(
      /ingest\.chunking\.maxTokens = "big": .*expected number.*markwerk config schema/s,
    );
  });

  it('rejects unknown keys, cross-field mistakes and broken YAML with exit status 2', () => {
    expect(() => parseConfig({ ingest: { dedup: {} } }, 'm.yaml')).toThrow(
      /unknown key ingest\.dedup: remove it or check its spelling/,
    );
    expect(() =>
      parseConfig({ ingest: { chunking: { maxTokens: 64, overlapTokens: 64 } } }, 'm.yaml'),
    ).toThrow(/ingest\.chunking\.overlapTokens .*smaller than maxTokens/);

    writeFileSync(path.join(folder, 'markwerk.yaml'), 'ingest:\n  - a\n b: [\n');
    expect(() => loadConfig({ cwd: folder, env: {} })).toThrow(
      expect.objectContaining({ code: 'CONFIG_UNREADABLE', exitCode: 2 }),
    );
  });

  it('fails clearly when an explicit config file is missing', () => {
    expect(() => loadConfig({ cwd: folder, file: 'nope.yaml', env: {} })).toThrow(
      /nope\.yaml does not exist/,
    );
  });

  it('ships a JSON Schema that matches the zod schema', () => {
    const committed = readFileSync(
      new URL('../../schema/markwerk.config.schema.json', import.meta.url),
      'utf8',
    );
    expect(JSON.parse(committed)).toEqual(configJsonSchema());
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['workspace', 'databaseUrl', 'ingest']),
    );
  });
});
