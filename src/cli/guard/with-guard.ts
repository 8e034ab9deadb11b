import type { Command } from 'commander';
import type { GuardEngine } from '../../guard/engine/create-guard-engine.js';
import type { ModerationSink } from '../../guard/engine/moderation-decisions.js';
import { recordModerationDecisions } from '../../store/repositories/moderation-log-repository.js';
import { commandContext, withStore, type CommandContext } from '../cli-context.js';
import { openGuard, type OpenGuardOptions, type OpenedGuard } from './open-guard.js';

export interface GuardRunOptions {
  policy?: string;
  /** False with `--no-log`. */
  log?: boolean;
}

/**
 * Runs `work` with the configured engine. Unless `--no-log` is given, every decision is
 * recorded in the workspace's moderation log, in the store opened for the command.
 */
export async function withGuard(
  command: Command,
  options: GuardRunOptions,
  work: (engine: GuardEngine, context: CommandContext) => Promise<void>,
  extra: Omit<OpenGuardOptions, 'policy' | 'moderationLog'> = {},
): Promise<void> {
  const context = commandContext(command.optsWithGlobals());
  const openOptions = { ...extra, policy: options.policy };

  const run = async (opened: OpenedGuard) => {
    try {
      await work(opened.engine, context);
    } finally {
      await opened.close();
    }
  };

  if (options.log === false) {
    await run(await openGuard(context, openOptions));
    return;
  }
  await withStore(context, async (store) => {
    const moderationLog: ModerationSink = (decisions) =>
      recordModerationDecisions(store, decisions);
    await run(await openGuard(context, { ...openOptions, moderationLog }));
  });
}
