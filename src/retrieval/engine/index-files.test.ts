import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIndexFiles, writeIndexFiles } from './index-files.js';

describe('index files', () => {
  let root: string;
  let folder: string;
  const manifest = { versionId: 'v1', embedder: null, chunkCount: 2, createdAt: 'now' };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'markwerk-index-'));
    folder = path.join(root, 'index');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips files under their checksums and replaces an older index whole', async () => {
    await writeIndexFiles(folder, manifest, { 'a.bin': new Uint8Array([1, 2, 3]) });
    await writeIndexFiles(
      folder,
      { ...manifest, versionId: 'v2' },
      {
        'b.bin': new Uint8Array([9]),
      },
    );
    const { manifest: read, files } = await readIndexFiles(folder);
    expect(read.versionId).toBe('v2');
    expect(Object.keys(files)).toEqual(['b.bin']);
    expect(Array.from(files['b.bin']!)).toEqual([9]);
  });

  it('refuses a file that was altered or truncated, and a missing index', async () => {
    await writeIndexFiles(folder, manifest, { 'a.bin': new Uint8Array([1, 2, 3]) });
    const file = path.join(folder, 'a.bin');
    writeFileSync(file, Buffer.from([1, 2, 4]));
    await expect(readIndexFiles(folder)).rejects.toMatchObject({ problem: 'corrupt' });
    writeFileSync(file, Buffer.from([1, 2]));
    await expect(readIndexFiles(folder)).rejects.toMatchObject({ problem: 'corrupt' });
    await expect(readIndexFiles(path.join(root, 'none'))).rejects.toMatchObject({
      problem: 'missing',
    });
    expect(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).chunkCount).toBe(2);
  });
});
