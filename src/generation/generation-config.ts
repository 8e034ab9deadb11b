/**
 * The `generation` section of `markwerk.yaml`, for the lead to add to the config schema.
 * Paths are relative to the config file; the bundled `templates/` folder is the default.
 * @module
 */
import path from 'node:path';
import { z } from 'zod';
import { loadProfiles, type ProfileSet } from './parameter-profile.js';
import { defaultTemplatesFolder } from './template-loader.js';
import { loadTemplates, type TemplateSet } from './template-set.js';

export const generationConfigSchema = z
  .object({
    templates: z
      .string()
      .optional()
      .describe('Folder of <id>@<version>.yaml prompt templates; the bundled templates if absent'),
    profiles: z
      .string()
      .optional()
      .describe('Parameter profiles file; profiles.yaml in the templates folder if absent'),
  })
  .strict()
  .default({});

export type GenerationConfig = z.infer<typeof generationConfigSchema>;

/** Loads the templates and profiles a configuration names, resolved against `baseFolder`. */
export async function loadGenerationAssets(
  config: GenerationConfig,
  baseFolder: string,
): Promise<{ templates: TemplateSet; profiles: ProfileSet }> {
  const folder = config.templates
    ? path.resolve(baseFolder, config.templates)
    : defaultTemplatesFolder;
  const profilesFile = config.profiles
    ? path.resolve(baseFolder, config.profiles)
    : path.join(folder, 'profiles.yaml');
  const [templates, profiles] = await Promise.all([
    loadTemplates(folder),
    loadProfiles(profilesFile),
  ]);
  return { templates, profiles };
}
