import { z } from 'zod';
import { MarkwerkError, UsageError } from '../../core/errors.js';
import { assignVariant } from '../../evaluation/experiments/assignment.js';
import {
  insertEvents,
  type ExperimentEvent,
} from '../../store/repositories/experiment-events-repository.js';
import {
  findAssignment,
  saveAssignment,
  type Experiment,
} from '../../store/repositories/experiments-repository.js';
import type { SqlClient, SqlExecutor } from '../../store/sql-client.js';
import { validatedLines } from '../evaluation/jsonl-input.js';
import { hashUser, requireExperiment } from './find-experiment.js';

/** One event as given on the command line or as a line of `--jsonl`. */
export const eventInputSchema = z
  .object({
    user: z.union([z.string().min(1), z.number()]).transform(String),
    event: z.enum(['impression', 'click', 'conversion', 'revenue']),
    value: z.number().finite().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
    variant: z.string().min(1).optional(),
  })
  .strict()
  .refine((input) => input.event !== 'revenue' || input.value !== undefined, {
    message: 'a revenue event needs a value',
    path: ['value'],
  });

export type EventInput = z.input<typeof eventInputSchema>;

const BATCH = 5000;

export interface RecordedEvents {
  experiment: string;
  recorded: number;
  byKind: Record<string, number>;
  /** Events of users first seen after the experiment was stopped; not stored. */
  skipped: number;
}

/**
 * Stores events in one transaction: all of them or, when one is invalid, none. A user's
 * variant is the one given, else their stored assignment, else (hash mode) their hash bucket.
 * In a stopped experiment only users with a stored assignment or a given variant count;
 * events of anyone else are skipped, since those users arrived after the stop.
 * @returns how many events were stored, per kind, and how many were skipped
 */
export async function recordEvents(
  db: SqlClient,
  name: string,
  inputs: Iterable<EventInput> | AsyncIterable<EventInput>,
): Promise<RecordedEvents> {
  const experiment = await requireExperiment(db, name);
  const byKind: Record<string, number> = {};
  let recorded = 0;
  let skipped = 0;

  await db.transaction(async (tx) => {
    let batch: ExperimentEvent[] = [];
    for await (const input of inputs) {
      const event = await toEvent(tx, experiment, input);
      if (event === undefined) {
        skipped += 1;
        continue;
      }
      batch.push(event);
      byKind[input.event] = (byKind[input.event] ?? 0) + 1;
      if (batch.length >= BATCH) {
        await insertEvents(tx, experiment.id, batch);
        recorded += batch.length;
        batch = [];
      }
    }
    await insertEvents(tx, experiment.id, batch);
    recorded += batch.length;
  });
  return { experiment: name, recorded, byKind, skipped };
}

/** The events of a JSON Lines file, each line checked against `eventInputSchema`. */
export function eventLines(file: string): AsyncGenerator<EventInput> {
  return validatedLines(file, eventInputSchema);
}

async function toEvent(
  db: SqlExecutor,
  experiment: Experiment,
  raw: EventInput,
): Promise<ExperimentEvent | undefined> {
  const parsed = eventInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new UsageError(`Invalid event: ${problems.join('; ')}.`);
  }
  const input = parsed.data;
  const names = experiment.variants.map((variant) => variant.name);
  if (input.variant !== undefined && !names.includes(input.variant)) {
    throw new UsageError(
      `Variant "${input.variant}" is not in experiment ${experiment.name} (${names.join(', ')}).`,
    );
  }

  const userHash = hashUser(experiment.id, input.user);
  const known = input.variant ?? (await findAssignment(db, experiment.id, userHash));
  if (known === undefined && experiment.status === 'stopped') return undefined;
  let variant = known;
  if (variant === undefined && experiment.assignmentMode === 'hash') {
    // Placed by hash outside `assign`: remember it, so the user still counts after a stop.
    const placed = assignVariant(experiment.id, input.user, experiment.variants);
    variant = await saveAssignment(db, experiment.id, userHash, placed);
  }
  if (variant === undefined) {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      `User ${input.user} was never assigned in bandit experiment ${experiment.name}; ` +
        'run `markwerk experiment assign` first or give the variant.',
      { details: { experiment: experiment.name } },
    );
  }
  return {
    variant,
    userHash,
    kind: input.event,
    value: input.value ?? null,
    at: input.at === undefined ? new Date() : new Date(input.at),
  };
}
