/**
 * Loads the prompt templates and parameter profiles `generation.templates` and
 * `generation.profiles` name. Paths are relative to the config file; the bundled `templates/`
 * folder is the default.
 * @module
 */
import path from 'node:path';
import { loadProfiles, type ProfileSet } from './parameter-profile.js';
import { defaultTemplatesFolder } from './template-loader.js';
import { loadTemplates, type TemplateSet } from './template-set.js';

/** The `generation` keys that name template and profile files (see the config schema). */
export interface GenerationAssetsConfig {
  templates?: string | undefined;
  profiles?: string | undefined;
}

/** Loads the templates and profiles a configuration names, resolved against `baseFolder`. */
export async function loadGenerationAssets(
  config: GenerationAssetsConfig,
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
