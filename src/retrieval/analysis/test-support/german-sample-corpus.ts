/**
 * The German half of the sample brand as plain-text chunks, for the compound benchmark in
 * bench/german-compounds: knowledge articles, one chunk per product name, and German pages.
 * @module
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parse } from 'csv-parse/sync';

import type { SearchableChunk } from '../../types.js';

function chunk(id: string, title: string, text: string): SearchableChunk {
  return { id, documentId: id, title, text, language: 'de', fields: {} };
}

function knowledgeChunks(samples: string): SearchableChunk[] {
  const folder = join(samples, 'knowledge');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.de.md'))
    .sort()
    .map((name) => {
      const source = readFileSync(join(folder, name), 'utf8');
      const [, frontMatter = '', body = source] =
        /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const title = /^title:\s*(.*)$/m.exec(frontMatter)?.[1] ?? name;
      return chunk(`knowledge/${name}`, title, body);
    });
}

function productChunks(samples: string): SearchableChunk[] {
  const rows = parse(readFileSync(join(samples, 'feeds', 'products.csv')), {
    columns: true,
  }) as Record<string, string>[];
  const byName = new Map<string, SearchableChunk>();
  for (const row of rows) {
    const name = row.name_de ?? '';
    if (byName.has(name)) continue;
    const text = `${row.description_de ?? ''}\n${row.features_de ?? ''}`;
    byName.set(name, chunk(`product/${row.sku ?? name}`, name, text));
  }
  return [...byName.values()];
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'en' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function pageChunks(samples: string): SearchableChunk[] {
  const site = join(samples, 'site');
  return htmlFiles(site)
    .sort()
    .map((path) => {
      const bytes = readFileSync(path);
      const html = new TextDecoder('utf-8').decode(bytes).includes('\uFFFD')
        ? new TextDecoder('windows-1252').decode(bytes)
        : new TextDecoder('utf-8').decode(bytes);
      const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
      const text = html
        .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
      return chunk(`site/${relative(site, path)}`, title, text);
    });
}

/** Every German chunk of the sample brand, in a stable order. */
export function loadGermanSampleCorpus(samples: string): SearchableChunk[] {
  return [...knowledgeChunks(samples), ...productChunks(samples), ...pageChunks(samples)];
}
