import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarkwerkError } from '../core/errors.js';
import { defaultTemplatesFolder, parseTemplate } from './template-loader.js';
import { loadTemplates } from './template-set.js';

const bundledSource = await readFile(
  path.join(defaultTemplatesFolder, 'ad-headline@1.yaml'),
  'utf8',
);

/** The bundled ad-headline template with one line replaced. */
function edited(search: string | RegExp, replacement: string): string {
  const source = bundledSource.replace(search, replacement);
  if (source === bundledSource) throw new Error(`test setup: "${String(search)}" not found`);
  return source;
}

function templateErrorOf(source: string, file = 'ad-headline@1.yaml'): MarkwerkError {
  try {
    parseTemplate(source, file);
  } catch (error) {
    if (error instanceof MarkwerkError) return error;
    throw error;
  }
  throw new Error('expected TEMPLATE_INVALID');
}

describe('template loading', () => {
  it('names the folder and the config key when the templates cannot be read', async () => {
    const missing = path.join(tmpdir(), 'markwerk-no-such-templates');
    await expect(loadTemplates(missing)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: expect.stringMatching(/generation\.templates/),
    });
  });

  it('loads every bundled template, one per use case', async () => {
    const set = await loadTemplates();

    expect(set.useCases()).toEqual([
      'ad-headline',
      'answer',
      'email-subject',
      'meta-description',
      'product-description',
    ]);
    expect(set.get('meta-description').channels.web?.maxCharacters).toBe(155);
    expect(set.get('email-subject').channels.email?.maxCharacters).toBe(60);
    expect(Object.values(set.get('ad-headline').channels).map((c) => c.maxCharacters)).toEqual([
      30, 30,
    ]);
  });

  it.each([
    [
      'a key of the wrong type',
      [/maxCharacters: 30 }/, "maxCharacters: 'thirty' }"],
      'channels.web.maxCharacters',
    ],
    ['a missing key', [/^description: .*\n/m, ''], 'description'],
    ['an unknown key', [/^version: 1$/m, 'version: 1\ntemperature: 0.3'], 'temperature'],
    ['an unknown slot source', ['source: feed', 'source: crm'], 'slots[0].source'],
    ['an id that differs from the file name', ['id: ad-headline', 'id: headline'], 'id'],
    ['a version that differs from the file name', [/^version: 1$/m, 'version: 2'], 'version'],
    [
      'a default channel it does not define',
      ['defaultChannel: web', 'defaultChannel: print'],
      'defaultChannel',
    ],
    [
      'a lead reading an undeclared slot',
      ["- '{{ name }}'\n    en", "- '{{ title }}'\n    en"],
      'offline.lead.de[1]',
    ],
    [
      'a lead that reads no slot',
      ["- '{{ name }}'\n    en", "- 'Bergfink'\n    en"],
      'offline.lead.de[1]',
    ],
    [
      'a chat template Jinja cannot parse',
      ['Product data:', 'Product data: {% for x %}'],
      'chat.user',
    ],
  ] as const)(
    'rejects %s with TEMPLATE_INVALID naming file and key',
    (_, [search, replace], key) => {
      const error = templateErrorOf(edited(search, replace));

      expect(error.code).toBe('TEMPLATE_INVALID');
      expect(error.message).toContain('ad-headline@1.yaml');
      expect(error.details.file).toBe('ad-headline@1.yaml');
      expect(error.details.key).toBe(key);
      expect(error.message).toContain(`key "${key}"`);
    },
  );

  it('rejects YAML that does not parse, naming the file', () => {
    const error = templateErrorOf('id: [unclosed', 'broken@1.yaml');

    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.message).toMatch(/^broken@1\.yaml: .*not valid YAML/);
  });

  it('rejects a listed language that has no lead phrasing', () => {
    const source = edited(/\n {4}en:\n(?: {6}- .*\n)+/, '\n');
    const error = templateErrorOf(source);

    expect(error.details.key).toBe('offline.lead.en');
  });

  it('rejects two files with one use case and version', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-templates-'));
    await writeFile(path.join(folder, 'ad-headline@1.yaml'), bundledSource);
    await writeFile(
      path.join(folder, 'ad-banner@1.yaml'),
      bundledSource.replace('id: ad-headline', 'id: ad-banner'),
    );

    await expect(loadTemplates(folder)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      details: { key: 'version' },
    });
  });

  it('picks the newest version unless one is named, listing what exists', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-templates-'));
    await writeFile(path.join(folder, 'ad-headline@1.yaml'), bundledSource);
    await writeFile(path.join(folder, 'ad-headline@2.yaml'), edited(/^version: 1$/m, 'version: 2'));
    const set = await loadTemplates(folder);

    expect(set.get('ad-headline').version).toBe(2);
    expect(set.get('ad-headline', 1).version).toBe(1);
    expect(() => set.get('ad-headline', 3)).toThrow(/versions: 2, 1/);
    expect(() => set.get('tweet')).toThrow(/Use one of: ad-headline/);
  });
});
