import { getDocuments } from '../../store/repositories/documents-repository.js';
import {
  versionMembers,
  type DatasetVersion,
} from '../../store/repositories/versions-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';

export interface VersionDiff {
  from: string;
  to: string;
  /** Source URIs present only in `to`. */
  added: string[];
  /** Source URIs present only in `from`. */
  removed: string[];
  /** Source URIs in both whose content differs. */
  changed: string[];
  unchanged: number;
}

/** What changed between two versions, by source URI. */
export async function diffVersions(
  db: SqlExecutor,
  from: DatasetVersion,
  to: DatasetVersion,
): Promise<VersionDiff> {
  const before = await sourcesOf(db, from.id);
  const after = await sourcesOf(db, to.id);
  const diff: VersionDiff = {
    from: from.id,
    to: to.id,
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
  };

  for (const [uri, id] of after) {
    const previous = before.get(uri);
    if (previous === undefined) diff.added.push(uri);
    else if (previous !== id) diff.changed.push(uri);
    else diff.unchanged += 1;
  }
  for (const uri of before.keys()) if (!after.has(uri)) diff.removed.push(uri);
  for (const list of [diff.added, diff.removed, diff.changed]) list.sort();
  return diff;
}

async function sourcesOf(db: SqlExecutor, versionId: string): Promise<Map<string, string>> {
  const ids = (await versionMembers(db, versionId)).map((member) => member.documentId);
  const byUri = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 1000) {
    for (const document of await getDocuments(db, ids.slice(start, start + 1000))) {
      byUri.set(document.sourceUri, document.id);
    }
  }
  return byUri;
}
