import type { Participant } from '@coop/domain';
import { viewerGrants } from '@coop/read-model';
import { type DocumentNode, visit } from 'graphql';

/**
 * What an answer may depend on besides the read model's position and the
 * viewer's visibility grants: who exactly asks, the time of the read, or the
 * event store itself.
 */
export type AnswerDependency = 'viewer' | 'clock' | 'store';

/**
 * Fields whose value depends on more than what the viewer may see, by field
 * name (a name shared with an unrelated field only makes its answers shared
 * less often). A new field of that sort belongs here: answers are shared
 * between viewers (live results) and reused while the read model stands still
 * (the response cache) on the strength of this table.
 */
const FIELD_DEPENDENCIES: ReadonlyMap<string, AnswerDependency> = new Map([
  ['viewer', 'viewer'],
  ['notifications', 'viewer'],
  ['notificationAdded', 'viewer'],
  ['unreadCount', 'viewer'],
  ['read', 'viewer'],
  ['watching', 'viewer'],
  ['overdue', 'clock'],
  ['itemAsOf', 'store'],
  ['verifyIntegrity', 'store'],
]);

const NONE: ReadonlySet<AnswerDependency> = new Set();
const known = new WeakMap<DocumentNode, ReadonlySet<AnswerDependency>>();

/**
 * What the answers to `document` depend on, over every field it names (an
 * unused fragment's included: the document is looked at once, not per operation).
 */
export function dependenciesOf(document: DocumentNode): ReadonlySet<AnswerDependency> {
  let dependencies = known.get(document);
  if (dependencies !== undefined) return dependencies;
  const found = new Set<AnswerDependency>();
  visit(document, {
    Field(node) {
      const dependency = FIELD_DEPENDENCIES.get(node.name.value);
      if (dependency !== undefined) found.add(dependency);
    },
  });
  dependencies = found.size === 0 ? NONE : found;
  known.set(document, dependencies);
  return dependencies;
}

/**
 * Viewers with the same key get the same answer to the same operation at the
 * same read-model position: anonymous viewers all alike, others by their
 * visibility grants, or, for an answer that depends on who asks, one by one
 * (as the token describes them: `viewer` answers with the token's name and roles).
 */
export function sharingKeyOf(viewer: Participant | null, dependsOnViewer: boolean): string {
  if (viewer === null) return 'anonymous';
  if (!dependsOnViewer) return `grants:${JSON.stringify(viewerGrants(viewer))}`;
  const { id, name, country, roles } = viewer;
  return `participant:${JSON.stringify([id, name, country, [...roles].sort()])}`;
}
