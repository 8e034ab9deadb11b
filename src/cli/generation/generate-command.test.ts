import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startStandInTgiServer,
  type StandInTgiServer,
} from '../../models/generators/test-support/stand-in-tgi-server.js';
import {
  startStandInOpenAiServer,
  type StandInOpenAiServer,
} from '../../models/generators/test-support/stand-in-openai-server.js';
import { runCli } from '../test-support/run-cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = path.join(root, 'samples', 'markwerk.yaml');
const sunscreen = path.join(root, 'samples', 'generate', 'sunscreen-en.json');

interface GenerateJson {
  text: string;
  label: string | null;
  provider: string;
  template: { id: string; version: number };
  sentences: { text: string; citations: { source: string; id: string }[] }[];
  disclaimer: string | null;
  guard: { verdict: string; findings: { type: string }[] };
}

describe('markwerk generate', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'generate-'));
  const base = ['-c', config, '-w', workspace];
  let tgi: StandInTgiServer;
  let openai: StandInOpenAiServer;

  beforeAll(async () => {
    tgi = await startStandInTgiServer({ modelId: 'stand-in/bergfink-lora-host' });
    openai = await startStandInOpenAiServer();
  });
  afterAll(async () => {
    await tgi.close();
    await openai.close();
  });

  it('writes cited, labelled copy with the policy disclaimer on the offline composer', async () => {
    const args = ['generate', 'product-description', '--input', sunscreen, '--json'];
    const run = await runCli([...base, ...args, '--no-retrieve'], root);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as GenerateJson;
    expect(output.label).toBe('offline composer');
    expect(output.template).toEqual({ id: 'product-description', version: 1 });
    expect(output.sentences.length).toBeGreaterThan(2);
    for (const sentence of output.sentences) expect(sentence.citations.length).toBeGreaterThan(0);
    expect(output.disclaimer).toMatch(/^Sunscreen does not provide complete protection/);
    expect(output.text.endsWith(output.disclaimer ?? '')).toBe(true);
    expect(output.guard.verdict).not.toBe('block');
  });

  it('runs the real TGI client against a stand-in TGI server, LoRA adapter included', async () => {
    const flags = ['--provider', 'tgi', '--endpoint', tgi.url, '--chat-template', 'chatml'];
    flags.push('--adapter', 'bergfink-voice');
    const args = ['generate', 'meta-description', '--input', sunscreen, '--no-retrieve'];
    const run = await runCli([...base, ...args, ...flags, '--json'], root);

    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as GenerateJson;
    expect(output.provider).toBe('tgi');
    expect(output.label).toBeNull();
    expect(output.text).toMatch(/[A-Z]{3,}/);
    const request = tgi.requests.find((entry) => entry.adapterId === 'bergfink-voice');
    expect(request?.path).toBe('/generate_stream');
  });

  it('runs a bundled profile on a stand-in OpenAI server, without top_k', async () => {
    const flags = ['--provider', 'openai', '--endpoint', openai.url, '--model', 'stand-in/chat'];
    const args = ['generate', 'product-description', '--input', sunscreen, '--no-retrieve'];
    const run = await runCli([...base, ...args, ...flags, '--json'], root);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as GenerateJson).provider).toBe('openai');
    const body = openai.requests.at(-1)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ temperature: 0.7, max_tokens: 320, seed: 42 });
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('repetition_penalty');
  });

  it('says which flag a provider needs, with exit status 2', async () => {
    const args = ['generate', 'answer', '--input', sunscreen, '--provider', 'openai'];
    const run = await runCli([...base, ...args], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--endpoint .*Example: --provider openai --endpoint/);
  });

  it('names the file of input that is not JSON, and the key of input that is wrong', async () => {
    const run = await runCli([...base, 'generate', 'answer', '--input', config], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/markwerk\.yaml: not valid JSON/);

    const wrong = path.join(workspace, 'wrong-input.json');
    writeFileSync(wrong, JSON.stringify({ language: 'fr', question: 'Quoi ?' }));
    const typo = await runCli([...base, 'generate', 'answer', '--input', wrong], root);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/wrong-input\.json: key "language": .*"de"\|"en"/);
  });
});
