/**
 * Loads and validates versioned prompt templates. Every problem is a `TEMPLATE_INVALID`
 * error that names the file and the key, and says what to change.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from '@huggingface/jinja';
import { parse as parseYaml } from 'yaml';
import { MarkwerkError } from '../core/errors.js';
import { slotsUsedBy } from '../models/generators/offline-lead.js';
import { templateSchema, type PromptTemplate } from './template-schema.js';

/** The `templates/` folder that ships with the package. */
export const defaultTemplatesFolder = fileURLToPath(new URL('../../templates/', import.meta.url));

/** File names of templates: `<id>@<version>.yaml`. */
const templateFileName = /^([a-z][a-z0-9-]*)@(\d+)\.ya?ml$/;

/** A problem with one key of one template file. */
function templateError(file: string, key: string, problem: string): MarkwerkError {
  return new MarkwerkError(
    'TEMPLATE_INVALID',
    `${file}: key "${key}": ${problem}. Fix the template file and run again.`,
    { details: { file, key } },
  );
}

/** Reads, parses and validates one template file. */
export async function loadTemplateFile(file: string): Promise<PromptTemplate> {
  const source = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new MarkwerkError('TEMPLATE_INVALID', `${file}: cannot read the template file.`, {
      details: { file, key: '' },
      cause,
    });
  });
  return parseTemplate(source, file);
}

/** Parses and validates template source; `file` names it in errors. */
export function parseTemplate(source: string, file: string): PromptTemplate {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (cause) {
    const problem = cause instanceof Error ? cause.message.split('\n')[0] : 'unreadable';
    throw templateError(file, '', `not valid YAML (${problem})`);
  }

  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const extra = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    throw templateError(
      file,
      keyOf([...(issue?.path ?? []), ...extra]),
      issue?.message ?? 'invalid',
    );
  }
  checkTemplate(parsed.data, file);
  return parsed.data;
}

/** Checks across keys that the schema alone cannot express. */
function checkTemplate(template: PromptTemplate, file: string): void {
  const match = templateFileName.exec(path.basename(file));
  if (match && match[1] !== template.id) {
    throw templateError(file, 'id', `"${template.id}" differs from the file name's "${match[1]}"`);
  }
  if (match && Number(match[2]) !== template.version) {
    throw templateError(
      file,
      'version',
      `${template.version} differs from the file name's @${match[2]}`,
    );
  }
  if (!(template.defaultChannel in template.channels)) {
    const known = Object.keys(template.channels).join(', ');
    throw templateError(
      file,
      'defaultChannel',
      `"${template.defaultChannel}" is not one of ${known}`,
    );
  }

  const declared = new Set<string>();
  for (const [index, slot] of template.slots.entries()) {
    if (declared.has(slot.name)) {
      throw templateError(file, `slots[${index}].name`, `"${slot.name}" is declared twice`);
    }
    declared.add(slot.name);
    if (slot.source !== 'retrieved' && !slot.field) {
      throw templateError(file, `slots[${index}].field`, `a ${slot.source} slot needs a field`);
    }
    if (slot.source === 'retrieved' && slot.field) {
      throw templateError(file, `slots[${index}].field`, 'a retrieved slot takes no field');
    }
  }

  for (const language of template.languages) {
    const leads = template.offline.lead[language];
    if (!leads)
      throw templateError(file, `offline.lead.${language}`, 'missing for a listed language');
    if (!template.offline.fallback[language]) {
      throw templateError(file, `offline.fallback.${language}`, 'missing for a listed language');
    }
    for (const [index, pattern] of leads.entries()) {
      checkLead(pattern, declared, file, `offline.lead.${language}[${index}]`);
    }
  }
  checkJinja(template.chat.system, file, 'chat.system');
  checkJinja(template.chat.user, file, 'chat.user');
}

/** A lead sentence must parse and read at least one declared slot, so it can be cited. */
function checkLead(pattern: string, declared: Set<string>, file: string, key: string): void {
  checkJinja(pattern, file, key);
  const used = slotsUsedBy(pattern);
  if (used.length === 0) throw templateError(file, key, 'reads no slot, so it could not be cited');
  const unknown = used.find((name) => !declared.has(name));
  if (unknown) throw templateError(file, key, `reads slot "${unknown}", which is not declared`);
}

function checkJinja(source: string, file: string, key: string): void {
  try {
    new Template(source);
  } catch (cause) {
    const problem = cause instanceof Error ? cause.message : 'cannot be parsed';
    throw templateError(file, key, `not a valid Jinja template (${problem})`);
  }
}

function keyOf(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** File names in `folder` that are templates, sorted. */
export async function templateFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new MarkwerkError(
      'TEMPLATE_INVALID',
      `Cannot read the prompt templates folder ${folder} (${(error as Error).message}). Check ` +
        'generation.templates in the config, or remove it to use the bundled templates.',
      { details: { folder }, cause: error },
    );
  }
  return names.filter((name) => templateFileName.test(name)).sort();
}
