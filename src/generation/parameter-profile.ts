/**
 * Parameter profiles: the sampling settings of each use case, kept as data in
 * `templates/profiles.yaml` (snake_case keys, as TGI names them).
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { MarkwerkError } from '../core/errors.js';
import type { GenerationParameters } from '../models/generators/generator.js';
import { defaultTemplatesFolder } from './template-loader.js';

export const parameterProfileSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  max_new_tokens: z.number().int().positive(),
  repetition_penalty: z.number().positive().optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  stop: z.array(z.string().min(1)).default([]),
  seed: z.number().int().min(0).optional(),
});

export const profilesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  /** Profile per use case. */
  profiles: z.record(z.string(), parameterProfileSchema),
});

export type ParameterProfile = z.infer<typeof parameterProfileSchema>;

/** Parameter profiles by use case, with the version of the file they came from. */
export interface ProfileSet {
  version: number;
  profiles: Record<string, ParameterProfile>;
}

/** Reads and validates a profiles file; errors name the file and the key. */
export async function loadProfiles(
  file = path.join(defaultTemplatesFolder, 'profiles.yaml'),
): Promise<ProfileSet> {
  let document: unknown;
  try {
    document = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MarkwerkError(
      'PARAMETERS_INVALID',
      `Cannot read the parameter profiles ${file} (${(error as Error).message}). Check ` +
        'generation.profiles in the config, or remove it to use the bundled profiles.',
      { details: { file }, cause: error },
    );
  }
  const parsed = profilesFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = (issue?.path ?? []).map(String).join('.');
    throw new MarkwerkError(
      'PARAMETERS_INVALID',
      `${file}: key "${key}": ${issue?.message ?? 'invalid'}. Fix the profile and run again.`,
      { details: { file, key } },
    );
  }
  return parsed.data;
}

/** The profile of a use case; fails with the use cases that have one. */
export function profileFor(set: ProfileSet, useCase: string): ParameterProfile {
  const profile = set.profiles[useCase];
  if (profile) return profile;
  const known = Object.keys(set.profiles).sort().join(', ');
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    `No parameter profile for use case "${useCase}"; profiles exist for ${known}. Add one.`,
    { details: { useCase } },
  );
}

/** A profile as the generator port's parameters. */
export function toParameters(profile: ParameterProfile): GenerationParameters {
  const parameters: GenerationParameters = { maxNewTokens: profile.max_new_tokens };
  if (profile.temperature !== undefined) parameters.temperature = profile.temperature;
  if (profile.top_p !== undefined) parameters.topP = profile.top_p;
  if (profile.top_k !== undefined) parameters.topK = profile.top_k;
  if (profile.repetition_penalty !== undefined) {
    parameters.repetitionPenalty = profile.repetition_penalty;
  }
  if (profile.frequency_penalty !== undefined) {
    parameters.frequencyPenalty = profile.frequency_penalty;
  }
  if (profile.stop.length > 0) parameters.stop = [...profile.stop];
  if (profile.seed !== undefined) parameters.seed = profile.seed;
  return parameters;
}
