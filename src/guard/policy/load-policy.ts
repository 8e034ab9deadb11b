/**
 * Reads and validates the brand policy file. A bad file fails at start-up with
 * POLICY_INVALID naming the file and the key.
 * @module
 */

import { readFile } from 'node:fs/promises';

import { parse } from 'yaml';
import type { z } from 'zod';

import { MarkwerkError } from '../../core/errors.js';
import { brandPolicySchema, type BrandPolicy } from './policy-schema.js';

/** `claim_rules[3].patterns[0]` from a zod issue path. */
export function formatKey(path: readonly PropertyKey[]): string {
  let key = '';
  for (const part of path) {
    if (typeof part === 'number') key += `[${part}]`;
    else key += key === '' ? String(part) : `.${String(part)}`;
  }
  return key === '' ? '(root)' : key;
}

function policyError(file: string, issue: z.core.$ZodIssue): MarkwerkError {
  const key = formatKey(issue.path);
  return new MarkwerkError(
    'POLICY_INVALID',
    `${file}: ${key}: ${issue.message}. Fix this key in the brand policy file and run again.`,
    { details: { file, key } },
  );
}

/**
 * Validates an already parsed policy document.
 * @param file - Shown in errors; the path or a name such as `<inline>`.
 * @throws MarkwerkError POLICY_INVALID naming the file and the first bad key.
 */
export function parsePolicy(document: unknown, file = '<inline>'): BrandPolicy {
  const result = brandPolicySchema.safeParse(document);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  if (issue === undefined) throw new MarkwerkError('POLICY_INVALID', `${file}: invalid policy`);
  throw policyError(file, issue);
}

/** Parses YAML text as a brand policy. */
export function parsePolicyYaml(text: string, file = '<inline>'): BrandPolicy {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new MarkwerkError(
      'POLICY_INVALID',
      `${file}: not valid YAML (${(error as Error).message}). Fix the syntax and run again.`,
      { details: { file }, cause: error },
    );
  }
  return parsePolicy(document, file);
}

/**
 * Loads the brand policy file.
 * @example
 * const policy = await loadPolicy('samples/brand/policy.yaml');
 */
export async function loadPolicy(file: string): Promise<BrandPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MarkwerkError(
      'POLICY_INVALID',
      `${file}: cannot read the brand policy file. Check the path given with --policy or ` +
        'guard.policyFile, or pass --policy none to scan without one.',
      { details: { file }, cause: error },
    );
  }
  return parsePolicyYaml(text, file);
}
