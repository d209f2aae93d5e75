export { ReadModel } from './read-model.js';
export { ReadModelDatabase, type Checkpoint } from './read-model.database.js';
export { PROJECTION_VERSION } from './read-model.schema.js';
export {
  Projector,
  type CatchUpProgress,
  type Committed,
  type CommittedListener,
  type ProjectorLag,
  type ProjectorOptions,
  type ProjectorStatus,
} from './projector.js';
export * from './read-model.errors.js';
export * from './read-model.types.js';
export type { ReadModelLogger } from './read-model.logger.js';
export { MAX_PAGE_SIZE } from './page-cursor.js';
export type { ParticipantFilter } from './participant.queries.js';
export { itemGrants, viewerGrants } from './visibility-grants.js';
export * from './live/index.js';
export {
  rebuildReadModel,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './read-model-rebuild.js';
