import type {
  ConsultationResponded,
  CountryCode,
  DomainEvent,
  PracticeAdopted,
  ProjectCompleted,
  ProjectStarted,
  ProposalReviewed,
  QuestionAnswered,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import type { ItemState } from './item-kinds.js';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';

/** How one country worked with another's item. */
export const COUNTRY_LINK_KINDS = ['ANSWER', 'ADOPTION', 'CONSULTATION'] as const;
export type CountryLinkKind = (typeof COUNTRY_LINK_KINDS)[number];

export const PROJECT_MILESTONES = ['ENDORSED', 'STARTED', 'COMPLETED'] as const;
export type ProjectMilestone = (typeof PROJECT_MILESTONES)[number];

type LinkEvent = QuestionAnswered | PracticeAdopted | ConsultationResponded;
type MilestoneEvent = ProposalReviewed | ProjectStarted | ProjectCompleted;
type CooperationEvent = LinkEvent | MilestoneEvent;

const COOPERATION_EVENT_TYPES = new Set<string>([
  'QuestionAnswered',
  'PracticeAdopted',
  'ConsultationResponded',
  'ProposalReviewed',
  'ProjectStarted',
  'ProjectCompleted',
] satisfies CooperationEvent['type'][]);

const isCooperationEvent = (event: DomainEvent): event is CooperationEvent => COOPERATION_EVENT_TYPES.has(event.type);

/** The acting country of an act the item's state holds, and how it acted; null for anything else. */
function linkOf(event: LinkEvent, state: ItemState): { kind: CountryLinkKind; country: CountryCode } | null {
  switch (event.type) {
    case 'QuestionAnswered': {
      const answer = state.kind === 'QUESTION' ? state.answers.find(({ id }) => id === event.data.answerId) : undefined;
      return answer?.author.country ? { kind: 'ANSWER', country: answer.author.country } : null;
    }
    case 'PracticeAdopted': {
      const adopted =
        state.kind === 'PRACTICE' && state.adoptions.some(({ country }) => country === event.data.country);
      return adopted ? { kind: 'ADOPTION', country: event.data.country } : null;
    }
    case 'ConsultationResponded': {
      const responded =
        state.kind === 'CONSULTATION' && state.responses.some(({ country }) => country === event.data.country);
      return responded ? { kind: 'CONSULTATION', country: event.data.country } : null;
    }
  }
}

/** A joint project's milestones as its state holds them: when it was endorsed, started and completed. */
function milestonesOf(state: ItemState): [ProjectMilestone, string][] {
  if (state.kind !== 'PROPOSAL') return [];
  const endorsed = state.reviews.find((review) => review.decision === 'ENDORSE');
  const milestones: [ProjectMilestone, string | null | undefined][] = [
    ['ENDORSED', endorsed?.reviewedAt],
    ['STARTED', state.startedOn],
    ['COMPLETED', state.completedOn],
  ];
  return milestones.flatMap(([milestone, at]) => (typeof at === 'string' ? [[milestone, at]] : []));
}

/**
 * Writes `country_links` (each answer, adoption or consultation response by
 * one country on another's item) and `project_milestones` (when each joint
 * project was endorsed, started, completed): what the cooperation report
 * reads by instant, through their time indexes.
 */
export class CooperationWriter implements ProjectionWriter<CooperationEvent> {
  readonly handles = isCooperationEvent;
  private readonly insertLink: Database.Statement;
  private readonly upsertMilestone: Database.Statement;

  constructor(db: Database.Database) {
    this.insertLink = db.prepare(
      `INSERT INTO country_links (position, kind, occurred_at, item_id, item_country, actor_country)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.upsertMilestone = db.prepare(
      `INSERT INTO project_milestones (item_id, milestone, at) VALUES (?, ?, ?)
       ON CONFLICT (item_id, milestone) DO UPDATE SET at = excluded.at`,
    );
  }

  apply({ recorded, event, occurredAt, item }: ProjectedEvent<CooperationEvent>): void {
    const { state } = item;
    if (state === null) return;
    if (event.type === 'ProposalReviewed' || event.type === 'ProjectStarted' || event.type === 'ProjectCompleted') {
      for (const [milestone, at] of milestonesOf(state)) this.upsertMilestone.run(state.id, milestone, at);
      return;
    }
    const link = linkOf(event, state);
    if (link === null || link.country === state.country) return;
    this.insertLink.run(recorded.position, link.kind, occurredAt, state.id, state.country, link.country);
  }
}
