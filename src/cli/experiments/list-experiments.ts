import type { Experiment } from '../../store/repositories/experiments-repository.js';

/** The experiments as a table for a terminal, or a hint when there are none. */
export function describeExperimentList(
  experiments: ReadonlyArray<Experiment & { assignedUsers: number }>,
): string {
  if (experiments.length === 0) {
    const create = '`markwerk experiment create NAME --variants a,b`';
    return `No experiments yet. Create one with ${create}.\n`;
  }
  const rows = experiments.map((experiment) => [
    experiment.name,
    experiment.status,
    experiment.metric,
    experiment.variants.map((variant) => variant.name).join(','),
    String(experiment.assignedUsers),
    experiment.createdAt.toISOString().slice(0, 10),
  ]);
  const header = ['name', 'status', 'metric', 'variants', 'users', 'created'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
