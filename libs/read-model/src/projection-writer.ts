import type { DomainEvent, ItemConcernedEvent } from '@coop/domain';
import type { BatchItem, PlacedEvent, ProjectionBatch } from './projection-batch.js';

/** An item's events always come with their item; the others (a participant's own) come without. */
type ItemFor<Event extends DomainEvent> = [Event] extends [ItemConcernedEvent] ? BatchItem : BatchItem | undefined;

/** An event its stream holds by right, with the item it concerns as the writers before this one left it. */
export interface ProjectedEvent<Event extends DomainEvent = DomainEvent> extends PlacedEvent {
  readonly item: ItemFor<Event>;
  readonly event: Event;
}

/**
 * Writes one family of read-model tables. The projection hands it, in log
 * order and in the batch's transaction, every event it `handles`; writers
 * apply an event in the order they are registered, so a writer reading the
 * item sees it with this event already folded in.
 */
export interface ProjectionWriter<Event extends DomainEvent = DomainEvent> {
  handles(event: DomainEvent): event is Event;
  apply(projected: ProjectedEvent<Event>, batch: ProjectionBatch): void;
  /**
   * Writes what it kept in memory, once all the batch's events are applied.
   * A failure is blamed on the batch's last event unless the writer throws a
   * ProjectionFailed naming another.
   */
  flush?(batch: ProjectionBatch): void;
}
