import type { Citation, GenerationRequest } from './generator.js';
import type { CompositionPlan, PlanPassage } from './offline-plan.js';

/**
 * A fact block as `composeRequest` renders retrieved text into a prompt:
 * `<fact id="chunk-id">"JSON-quoted text"</fact>`, both strings JSON-quoted.
 */
const factBlock = /<fact id=("(?:[^"\\]|\\.)*")>("(?:[^"\\]|\\.)*")<\/fact>/g;

const noFactsNotice: Record<string, string> = {
  en: 'No product data or retrieved facts were given, so there is nothing to compose from.',
  de: 'Es wurden keine Produktdaten oder Fakten übergeben, daher gibt es nichts zu verfassen.',
};

const notCoveredNotice: Record<string, string> = {
  en: 'The facts given do not cover this request.',
  de: 'Die übergebenen Fakten decken diese Anfrage nicht ab.',
};

/** Upper bound on composed text when a plain request names no channel limit. */
const defaultMaxCharacters = 1000;

/**
 * A plan for a request that carries only messages (or a prompt): the fact blocks in the
 * last user message become retrieved passages, and that message's other words the terms.
 */
export function planFromMessages(request: GenerationRequest): CompositionPlan {
  const userText =
    [...(request.messages ?? [])].reverse().find((message) => message.role === 'user')?.content ??
    request.prompt ??
    '';

  const passages: PlanPassage[] = [];
  for (const match of userText.matchAll(factBlock)) {
    const text = parseQuoted(match[2] ?? '');
    const citation: Citation = { source: 'retrieved', id: parseQuoted(match[1] ?? '') ?? '' };
    if (text) passages.push({ text, citation, kind: 'retrieved' });
  }
  const language = /\b(?:der|die|das|und|ist|nicht)\b/i.test(userText) ? 'de' : 'en';

  return {
    useCase: 'answer',
    language,
    channel: 'default',
    maxCharacters: defaultMaxCharacters,
    slots: {},
    lead: [],
    passages,
    maxExtracts: 3,
    minOverlap: 1,
    terms: [userText.replace(factBlock, ' ')],
    fallback: (passages.length > 0 ? notCoveredNotice : noFactsNotice)[language] ?? '',
  };
}

function parseQuoted(quoted: string): string | undefined {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
