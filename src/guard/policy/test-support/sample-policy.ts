import { loadPolicy } from '../load-policy.js';
import type { BrandPolicy } from '../policy-schema.js';
import { samplePolicyFile } from '../sample-policy-file.js';

export { samplePolicyFile };

let loaded: Promise<BrandPolicy> | undefined;

/** The sample brand policy, loaded once per test file. */
export function samplePolicy(): Promise<BrandPolicy> {
  loaded ??= loadPolicy(samplePolicyFile);
  return loaded;
}
