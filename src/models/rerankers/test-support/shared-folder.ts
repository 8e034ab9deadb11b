import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared data folder beside the repository (`../shared`), resolved from this file. */
export const sharedFolder = fileURLToPath(new URL('../../../../../shared/', import.meta.url));

/** True when `../shared` is checked out next to the repository. */
export const hasSharedFolder = existsSync(sharedFolder);
