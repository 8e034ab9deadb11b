/**
 * How `markwerk generate` shows a result: the text with its origin label, numbered sources,
 * the template and usage, and the guard's verdict; or the same as one JSON document.
 * @module
 */
import { markedText } from '../../models/generators/offline-composer.js';
import type { Citation } from '../../models/generators/generator.js';
import type { GroundedGeneration } from '../../usecases/grounded-generation.js';

export function describeGeneration(
  outcome: GroundedGeneration,
  options: { streamed: boolean },
): string {
  const { result, guard } = outcome;
  const lines: string[] = [];
  // A streamed text is on screen already; only what was added after the stream follows.
  if (options.streamed) lines.push(outcome.disclaimer ? `\n\n${outcome.disclaimer}` : '');
  else lines.push(markedText(result));

  const sources = distinctCitations(result.sentences?.flatMap((entry) => entry.citations) ?? []);
  if (sources.length > 0) {
    lines.push('', 'Sources:');
    sources.forEach((citation, index) =>
      lines.push(`  [${index + 1}] ${describeCitation(citation)}`),
    );
  }

  const template = result.template ? `${result.template.id}@${result.template.version}` : 'none';
  lines.push(
    '',
    `template ${template} · ${result.provider} ${result.model} · ` +
      `${result.usage.inputTokens} tokens in, ${result.usage.outputTokens} out · ` +
      `${Math.round(result.timings.totalMs)} ms` +
      (result.replayedFromCache ? ' · replayed from the generation cache' : ''),
  );
  if (result.fallbackFrom) {
    lines.push(`answered by a fallback model after ${result.fallbackFrom.join(', ')} failed`);
  }
  if (outcome.disclaimer) lines.push('disclaimer added as the brand policy requires');
  if (outcome.droppedFacts.length > 0) {
    lines.push(`left out ${outcome.droppedFacts.length} fact(s) with instructions in them`);
  }
  if (guard) {
    const rate = guard.metrics.unsupportedClaimRate;
    const grounding =
      rate === undefined ? '' : ` · unsupported claims ${(rate * 100).toFixed(0)} %`;
    lines.push(`guard: ${guard.verdict}, ${guard.findings.length} finding(s)${grounding}`);
    for (const finding of guard.findings) {
      lines.push(`  ${finding.action} ${finding.type} ${finding.rule}: "${finding.text}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function generationJson(useCase: string, outcome: GroundedGeneration) {
  const { result, guard } = outcome;
  return {
    useCase,
    text: result.text,
    label: result.label ?? null,
    provider: result.provider,
    model: result.model,
    template: result.template ?? null,
    finishReason: result.finishReason,
    replayedFromCache: result.replayedFromCache ?? false,
    fallbackFrom: result.fallbackFrom ?? [],
    sentences: result.sentences ?? [],
    usage: result.usage,
    timings: result.timings,
    disclaimer: outcome.disclaimer ?? null,
    retrieved: outcome.retrieved.map((fact) => ({ id: fact.id, title: fact.title ?? null })),
    droppedFacts: outcome.droppedFacts,
    guard: guard
      ? {
          verdict: guard.verdict,
          policyVersion: guard.policyVersion,
          metrics: guard.metrics,
          findings: guard.findings.map(({ type, start, end, text, score, rule, action }) => ({
            type,
            start,
            end,
            text,
            score,
            rule,
            action,
          })),
        }
      : null,
  };
}

function distinctCitations(citations: Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const citation of citations) {
    const key = `${citation.source}:${citation.id}:${citation.field ?? ''}`;
    if (!seen.has(key)) seen.set(key, citation);
  }
  return [...seen.values()];
}

function describeCitation(citation: Citation): string {
  const field = citation.field ? ` (${citation.field})` : '';
  if (citation.source === 'feed') return `feed record ${citation.id}${field}`;
  if (citation.source === 'retrieved') return `chunk ${citation.id}`;
  return `${citation.id}${field}`;
}
