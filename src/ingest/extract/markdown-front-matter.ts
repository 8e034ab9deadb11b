import { parse, YAMLParseError } from 'yaml';

import { InputError } from '../../core/errors.js';

/**
 * YAML front matter between `---` lines at the very start of a Markdown file.
 * @module
 */

export interface FrontMatter {
  attributes: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
}

const frontMatterPattern = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Split front matter from the Markdown body. A file without front matter yields
 * empty attributes; malformed YAML throws `InputError` with the file line.
 */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const match = frontMatterPattern.exec(text);
  if (!match) return { attributes: {}, body: text };

  const yaml = match[1] ?? '';
  let parsed: unknown;
  try {
    parsed = parse(yaml);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const yamlLine = error.linePos?.[0]?.line;
    throw new InputError(`front matter is not valid YAML (${error.code}); fix or remove it`, {
      file,
      line: yamlLine === undefined ? 1 : yamlLine + 1,
      cause: error.message,
    });
  }

  const attributes =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  return { attributes, body: text.slice(match[0].length) };
}
