import { bench, describe } from 'vitest';

// Run: npx vitest bench --run bench/generation-decorators.bench.ts
// Client overhead of the production decorators per streamed request, against an in-memory
// generator that answers at once (10 deltas), so the figures are the decorators' own cost.
import { fallbackGenerator } from '../src/models/generators/fallback-generator.js';
import type { GenerationRequest } from '../src/models/generators/generator.js';
import { meteredGenerator } from '../src/models/generators/metered-generator.js';
import { createEndpointRegistry } from '../src/models/generators/resilient-endpoints.js';
import { resilientGenerator } from '../src/models/generators/resilient-generator.js';
import { resilienceSettings } from '../src/models/generators/resilient-settings.js';
import { ScriptedGenerator } from '../src/models/generators/test-support/scripted-generator.js';

const deltas = Array.from({ length: 10 }, (_, index) => `token${index} `);
const request: GenerationRequest = {
  messages: [{ role: 'user', content: 'Write a short teaser for the winter sale.' }],
  tags: { workspace: 'acme', useCase: 'draft' },
};
const settings = resilienceSettings({});
const registry = createEndpointRegistry(settings);
const meter = { admit: () => Promise.resolve(), record: () => Promise.resolve() };

const raw = new ScriptedGenerator([{ deltas }]);
const resilient = resilientGenerator(new ScriptedGenerator([{ deltas }]), {
  endpoint: 'http://a',
  registry,
  settings,
});
const stack = meteredGenerator(
  fallbackGenerator([
    resilientGenerator(new ScriptedGenerator([{ deltas }]), {
      endpoint: 'http://b',
      registry,
      settings,
    }),
  ]),
  { meter },
);

async function drain(generator: typeof raw | typeof resilient): Promise<void> {
  for await (const event of generator.stream(request)) void event;
}

describe('one streamed request of 10 deltas', () => {
  bench('in-memory generator alone', () => drain(raw));
  bench('resilientGenerator', () => drain(resilient));
  bench('metered(fallback(resilient)) with a no-op meter', () => drain(stack));
});
