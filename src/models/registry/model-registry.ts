/**
 * The catalogue of models Markwerk knows, validated once when first read.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';
import { encoderCards } from './catalogue-encoders.js';
import { generatorCards } from './catalogue-generators.js';
import { modelCard, type ModelCard, type ModelCardInput } from './model-card.js';

let catalogue: readonly ModelCard[] | undefined;

/**
 * Parses and checks cards: every card must pass the schema and ids must be unique. Throws
 * `CONFIG_INVALID` naming the card and the field.
 */
export function parseCatalogue(inputs: readonly ModelCardInput[]): ModelCard[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const parsed = modelCard.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Model card ${input.id ?? `#${index}`} is invalid at ` +
          `${issue?.path.join('.') || '(root)'}: ${issue?.message}. Fix the catalogue entry.`,
        { details: { id: input.id, index, path: issue?.path } },
      );
    }
    if (seen.has(parsed.data.id)) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Model card id ${parsed.data.id} appears twice in the catalogue; ids must be unique.`,
        { details: { id: parsed.data.id, index } },
      );
    }
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

/** Every card, generators first, in catalogue order. */
export function listModelCards(): readonly ModelCard[] {
  catalogue ??= parseCatalogue([...generatorCards, ...encoderCards]);
  return catalogue;
}

/** The card with this id (case-sensitive, as on the Hub), or undefined. */
export function findModelCard(id: string): ModelCard | undefined {
  return listModelCards().find((card) => card.id === id);
}

/** The card with this id; an unknown id is `MODEL_NOT_FOUND` listing the known ids. */
export function requireModelCard(id: string): ModelCard {
  const card = findModelCard(id);
  if (card) return card;

  const known = listModelCards().map((entry) => entry.id);
  const near = known.find((entry) => entry.toLowerCase() === id.toLowerCase());
  throw new MarkwerkError(
    'MODEL_NOT_FOUND',
    `No model card for "${id}".${near ? ` Did you mean "${near}"?` : ''} Known models: ` +
      `${known.join(', ')}.`,
    { details: { id, known } },
  );
}
