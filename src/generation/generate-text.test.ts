import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  GenerationEvent,
  GenerationRequest,
  Generator,
  GeneratorInfo,
} from '../models/generators/generator.js';
import { collectStream } from '../models/generators/generator.js';
import { OfflineComposer } from '../models/generators/offline-composer.js';
import { generateText, readGenerationInput, streamText } from './generate-text.js';
import { loadGenerationAssets } from './generation-config.js';
import { loadProfiles, type ProfileSet } from './parameter-profile.js';
import { sampleProducts } from './test-support/sample-feed.js';
import { loadTemplates, type TemplateSet } from './template-set.js';

/** A model adapter stand-in: echoes a fixed text and reports server limits. */
class EchoGenerator implements Generator {
  requests: GenerationRequest[] = [];
  constructor(private readonly limits: GeneratorInfo['limits']) {}
  info(): Promise<GeneratorInfo> {
    return Promise.resolve({ provider: 'tgi', model: 'stand-in', limits: this.limits });
  }
  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    this.requests.push(request);
    yield { type: 'text-delta', text: 'Copy.' };
    yield {
      type: 'finish',
      result: {
        text: 'Copy.',
        finishReason: 'stop',
        usage: { inputTokens: 1, outputTokens: 1, source: 'server' },
        timings: { timeToFirstTokenMs: 0, totalMs: 0 },
        model: 'stand-in',
        provider: 'tgi',
      },
    };
  }
  generate(request: GenerationRequest) {
    return collectStream(this.stream(request));
  }
}

const product = sampleProducts()[0];
let templates: TemplateSet;
let profiles: ProfileSet;
beforeAll(async () => {
  templates = await loadTemplates();
  profiles = await loadProfiles();
});

describe('generateText', () => {
  it("records the template on a model adapter's result", async () => {
    const generator = new EchoGenerator({ maxTotalTokens: 4096 });
    const input = { language: 'en' as const, product };
    const tags = { workspace: 'bergfink', datasetVersion: 'v7' };
    const result = await generateText({
      generator,
      templates,
      profiles,
      useCase: 'ad-headline',
      input,
      tags,
    });

    expect(result.template).toEqual({ id: 'ad-headline', version: 1 });
    expect(generator.requests[0]?.tags).toEqual({
      ...tags,
      useCase: 'ad-headline',
      template: { id: 'ad-headline', version: 1 },
      chunkIds: [],
    });
    expect(generator.requests[0]?.messages?.[0]?.content).toContain('ad headlines');
    expect(generator.requests[0]?.parameters?.maxNewTokens).toBe(20);
  });

  it('refuses a profile the server cannot serve, before sending anything', async () => {
    const generator = new EchoGenerator({ maxTotalTokens: 256 });
    const input = { language: 'en' as const, product };
    const run = generateText({
      generator,
      templates,
      profiles,
      useCase: 'product-description',
      input,
    });

    await expect(run).rejects.toMatchObject({ code: 'PARAMETERS_INVALID' });
    expect(generator.requests).toEqual([]);
  });

  it('streams the offline composer with given and retrieved facts', async () => {
    const events: GenerationEvent[] = [];
    const input = {
      language: 'en' as const,
      question: 'How often do I reapply sunscreen on glacier tours?',
      facts: [{ id: 'c-1', text: 'On glacier tours, reapply sunscreen every two hours.' }],
    };
    const retrieved = [
      { id: 'c-2', text: 'Sunscreen on snow needs reapplying after sweating hard.' },
    ];
    const generator = new OfflineComposer();
    for await (const event of streamText({
      generator,
      templates,
      profiles,
      useCase: 'answer',
      input,
      retrieved,
    })) {
      events.push(event);
    }
    const finish = events.at(-1);

    if (finish?.type !== 'finish') throw new Error('no finish event');
    expect(finish.result.sentences?.flatMap((s) => s.citations.map((c) => c.id))).toEqual([
      'c-1',
      'c-2',
    ]);
  });
});

describe('readGenerationInput', () => {
  it('reads a JSON input file and names the file when it is malformed', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-input-'));
    const good = path.join(folder, 'good.json');
    const bad = path.join(folder, 'bad.json');
    await writeFile(good, JSON.stringify({ language: 'de', question: 'Wie lange?' }));
    await writeFile(bad, '{ "language": ');

    expect(await readGenerationInput(good)).toEqual({ language: 'de', question: 'Wie lange?' });
    await expect(readGenerationInput(bad)).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(readGenerationInput(path.join(folder, 'none.json'))).rejects.toThrow(
      /cannot read/,
    );
  });
});

describe('loadGenerationAssets', () => {
  it('loads the bundled templates and profiles, or a named folder', async () => {
    const bundled = await loadGenerationAssets({}, '/tmp');
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-assets-'));
    await writeFile(path.join(folder, 'profiles.yaml'), 'version: 2\nprofiles: {}\n');
    const custom = await loadGenerationAssets({ templates: path.basename(folder) }, tmpdir());

    expect(bundled.templates.useCases()).toContain('answer');
    expect(bundled.profiles.version).toBe(1);
    expect(custom.templates.useCases()).toEqual([]);
    expect(custom.profiles.version).toBe(2);
  });
});
