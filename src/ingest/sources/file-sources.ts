import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { IngestConfig } from '../../core/config-schema.js';
import { MarkwerkError } from '../../core/errors.js';
import type { Source } from './source.js';

/**
 * The files under each input path that the include/exclude globs select, sorted so a
 * run always visits them in the same order. A file given by name is taken as is.
 */
export async function listFileSources(inputs: string[], config: IngestConfig): Promise<Source[]> {
  const sources: Source[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      throw new MarkwerkError(
        'INPUT_NOT_FOUND',
        `${input} does not exist. Give a file, a folder or an http(s) URL.`,
        { details: { input }, exitCode: 2 },
      );
    }
    if (info.isFile()) {
      sources.push(fileSource(path.basename(absolute), absolute, config.maxFileBytes));
      continue;
    }
    const files = await glob(config.include, {
      cwd: absolute,
      ignore: config.exclude,
      onlyFiles: true,
      dot: false,
    });
    for (const file of files.sort()) {
      sources.push(fileSource(file, path.join(absolute, file), config.maxFileBytes));
    }
  }
  return sources;
}

function fileSource(key: string, location: string, maxBytes: number): Source {
  return {
    key: key.split(path.sep).join('/'),
    origin: 'file',
    location,
    async read() {
      const info = await stat(location);
      if (info.size > maxBytes) {
        throw new MarkwerkError(
          'INPUT_UNSUPPORTED',
          `${location} is ${info.size} bytes, above ingest.maxFileBytes (${maxBytes}). ` +
            'Raise the limit in the config or split the file.',
          { details: { file: location, size: info.size } },
        );
      }
      return { bytes: await readFile(location) };
    },
  };
}
