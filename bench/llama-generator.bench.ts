import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, bench, describe } from 'vitest';

// Run: npx vitest bench --run bench/llama-generator.bench.ts
import { LlamaGenerator } from '../src/models/generators/llama-generator.js';

const modelPath = fileURLToPath(
  new URL('../../shared/models/stories260K/stories260K.gguf', import.meta.url),
);
const request = {
  prompt: 'Once upon a time',
  parameters: { temperature: 0, maxNewTokens: 40 },
};
const options = { time: 2000, warmupIterations: 2, iterations: 10 };

describe.skipIf(!existsSync(modelPath))('LlamaGenerator, stories260K, 40 tokens greedy', () => {
  const one = new LlamaGenerator({ modelPath, threads: 1, contextSize: 256 });
  const two = new LlamaGenerator({ modelPath, threads: 2, contextSize: 256 });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  bench('threads: 1 (default)', () => one.generate(request).then(() => undefined), options);
  bench('threads: 2', () => two.generate(request).then(() => undefined), options);
});
