import path from 'node:path';
import { MarkwerkError, UsageError } from '../core/errors.js';
import { defaultTemplatesFolder, loadTemplateFile, templateFiles } from './template-loader.js';
import type { PromptTemplate } from './template-schema.js';

/** All templates of a folder, by use case and version. */
export class TemplateSet {
  readonly #byUseCase = new Map<string, PromptTemplate[]>();

  constructor(templates: PromptTemplate[]) {
    for (const template of templates) {
      const versions = this.#byUseCase.get(template.useCase) ?? [];
      versions.push(template);
      versions.sort((a, b) => b.version - a.version);
      this.#byUseCase.set(template.useCase, versions);
    }
  }

  /** Use cases with at least one template, sorted. */
  useCases(): string[] {
    return [...this.#byUseCase.keys()].sort();
  }

  /** The template of a use case: the given version, or the newest. */
  get(useCase: string, version?: number): PromptTemplate {
    const versions = this.#byUseCase.get(useCase);
    if (!versions) {
      throw new UsageError(
        `No template for use case "${useCase}". Use one of: ${this.useCases().join(', ')}.`,
        { useCase },
      );
    }
    const template =
      version === undefined ? versions[0] : versions.find((t) => t.version === version);
    if (!template) {
      const known = versions.map((t) => t.version).join(', ');
      throw new UsageError(`Template "${useCase}" has no version ${version}; versions: ${known}.`, {
        useCase,
        version,
      });
    }
    return template;
  }
}

/**
 * Loads every `<id>@<version>.yaml` in a folder (the bundled `templates/` by default).
 * Fails on the first invalid file, naming it; two files with one id and version fail too.
 */
export async function loadTemplates(folder = defaultTemplatesFolder): Promise<TemplateSet> {
  const templates: PromptTemplate[] = [];
  const seen = new Map<string, string>();
  for (const name of await templateFiles(folder)) {
    const file = path.join(folder, name);
    const template = await loadTemplateFile(file);
    const key = `${template.useCase}@${template.version}`;
    const earlier = seen.get(key);
    if (earlier) {
      throw new MarkwerkError(
        'TEMPLATE_INVALID',
        `${file}: key "version": use case ${key} is also defined in ${earlier}. ` +
          'Give one a new version.',
        { details: { file, key: 'version' } },
      );
    }
    seen.set(key, file);
    templates.push(template);
  }
  return new TemplateSet(templates);
}
