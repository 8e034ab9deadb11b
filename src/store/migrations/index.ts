import { sql as datasets } from './001-datasets.js';
import { sql as retrieval } from './002-retrieval.js';
import { sql as generation } from './003-generation.js';
import { sql as guard } from './004-guard.js';
import { sql as experiments } from './005-experiments.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Applied migrations are never edited; add a new one. */
export const migrations: Migration[] = [
  { version: 1, name: 'datasets', sql: datasets },
  { version: 2, name: 'retrieval', sql: retrieval },
  { version: 3, name: 'generation', sql: generation },
  { version: 4, name: 'guard', sql: guard },
  { version: 5, name: 'experiments', sql: experiments },
];
