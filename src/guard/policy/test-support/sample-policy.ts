import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadPolicy } from '../load-policy.js';
import type { BrandPolicy } from '../policy-schema.js';

/** `samples/brand/policy.yaml` from the repository root. */
export const samplePolicyFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../samples/brand/policy.yaml',
);

let loaded: Promise<BrandPolicy> | undefined;

/** The sample brand policy, loaded once per test file. */
export function samplePolicy(): Promise<BrandPolicy> {
  loaded ??= loadPolicy(samplePolicyFile);
  return loaded;
}
