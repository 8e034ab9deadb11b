import { fileURLToPath } from 'node:url';

/**
 * The sample brand's policy, `samples/brand/policy.yaml` (the same depth from `src/` and
 * `dist/`): the red-team cases and the golden set are written against it.
 */
export const samplePolicyFile = fileURLToPath(
  new URL('../../../samples/brand/policy.yaml', import.meta.url),
);
