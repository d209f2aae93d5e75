import type { AuditEventView } from '@coop/read-model';
import { participantModel } from '../reference/reference.types.js';
import type { AuditEvent } from './audit-event.types.js';

export function auditEventModel(event: AuditEventView): AuditEvent {
  return {
    position: event.position,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: event.actor ? participantModel(event.actor) : null,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
    metadata: event.metadata,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}
