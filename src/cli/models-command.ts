/**
 * `markwerk models list` and `markwerk models card ID`: the model catalogue and its cards.
 * The models need no config or store, so these commands read neither.
 * @module
 */
import { Option, type Command } from 'commander';
import { listModelCards, requireModelCard } from '../models/registry/model-registry.js';
import { modelKinds, type ModelCard, type ModelKind } from '../models/registry/model-card.js';

export interface ModelsListOptions {
  kind?: ModelKind;
  json?: boolean;
}

/** What `models list` prints: one JSON array, or one line per model. */
export function modelsListOutput(options: ModelsListOptions = {}): string {
  const cards = listModelCards().filter((card) => !options.kind || card.kind === options.kind);
  if (options.json) return json(cards.map(summary));

  const width = Math.max(...cards.map((card) => card.id.length));
  const lines = cards.map((card) =>
    [
      card.id.padEnd(width),
      card.kind.padEnd(10),
      card.provider.padEnd(12),
      describeRevision(card),
      card.testOnly ? '(test only)' : '',
    ]
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

/** What `models card ID` prints; an unknown id throws `MODEL_NOT_FOUND` (exit 1). */
export function modelCardOutput(id: string, options: { json?: boolean } = {}): string {
  const card = requireModelCard(id);
  if (options.json) return json(card);

  const { limits } = card;
  const lines = [
    `${card.name} (${card.id})${card.testOnly ? ' — for tests only' : ''}`,
    `  kind         ${card.kind}`,
    `  provider     ${card.provider}`,
    `  revision     ${describeRevision(card)}`,
    `  purpose      ${card.purpose}`,
    `  context      ${describeContext(limits.contextTokens)}`,
    `  languages    ${limits.languages.join(', ')}`,
    ...(limits.dimension ? [`  dimension    ${limits.dimension}`] : []),
    ...(limits.notes ? [`  limits       ${limits.notes}`] : []),
    `  training     ${card.trainingData}`,
    `  licence      ${card.licence.id}${card.licence.notes ? ` — ${card.licence.notes}` : ''}`,
    ...card.risks.map((risk, index) => `  ${index === 0 ? 'risks ' : '      '}       ${risk}`),
    ...card.runs.map(
      (run, index) => `  ${index === 0 ? 'runs  ' : '      '}       ${run.provider}: ${run.where}`,
    ),
  ];
  if (card.revision.kind === 'unpinned') lines.push(`  to pin       ${card.revision.note}`);
  return `${lines.join('\n')}\n`;
}

export function registerModelsCommand(program: Command): void {
  const models = program
    .command('models')
    .description('List the models Markwerk knows and show their model cards');

  models
    .command('list')
    .description('List known models: id, kind, provider and pinned revision')
    .addOption(new Option('--kind <kind>', 'only models of this kind').choices(modelKinds))
    .option('--json', 'print one JSON document')
    .action((options: ModelsListOptions) => {
      process.stdout.write(modelsListOutput(options));
    });

  models
    .command('card')
    .description('Show the model card of one model')
    .argument('<id>', 'model id as listed by `markwerk models list`')
    .option('--json', 'print the card as JSON')
    .action((id: string, options: { json?: boolean }) => {
      process.stdout.write(modelCardOutput(id, options));
    });
}

function summary(card: ModelCard) {
  return {
    id: card.id,
    name: card.name,
    kind: card.kind,
    provider: card.provider,
    revision: card.revision,
    testOnly: card.testOnly,
    licence: card.licence.id,
  };
}

function describeRevision(card: ModelCard): string {
  const { revision } = card;
  switch (revision.kind) {
    case 'unpinned':
      return 'unpinned (pin before use)';
    case 'file-sha256':
      return `sha256:${revision.value.slice(0, 12)}`;
    case 'hub-commit':
      return `commit ${revision.value.slice(0, 12)}`;
    default:
      return revision.value;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function describeContext(tokens: number | null): string {
  return tokens === null ? 'no token window' : `${tokens} tokens`;
}
