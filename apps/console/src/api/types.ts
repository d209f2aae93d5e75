import type { Activity, ItemKind, ReviewDecision, Role, Subregion, Topic } from './enums';

/** The shapes of the console's own documents (see documents.ts), as the API answers them. */

export interface CountryRef {
  readonly code: string;
}

export interface ParticipantRef {
  readonly id: string;
  readonly name: string;
  readonly country: CountryRef | null;
  readonly roles: readonly Role[];
}

export interface Viewer {
  readonly id: string;
  readonly name: string;
  readonly country: { readonly code: string; readonly subregion: Subregion } | null;
  readonly roles: readonly Role[];
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Connection<Node> {
  readonly edges: readonly { readonly cursor: string; readonly node: Node }[];
  readonly pageInfo: PageInfo;
}

export interface ItemSummary {
  readonly id: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly topics: readonly Topic[];
  readonly country: CountryRef;
}

export interface FeedEntry {
  readonly cursor: string;
  readonly activity: Activity;
  readonly occurredAt: string;
  readonly actor: ParticipantRef;
  readonly subregions: readonly Subregion[];
  readonly item: ItemSummary;
}

export interface Comment {
  readonly id: string;
  readonly body: string | null;
  readonly author: ParticipantRef;
  readonly country: CountryRef | null;
  readonly replyTo: string | null;
  readonly postedAt: string;
  readonly editedAt: string | null;
  readonly retracted: boolean;
}

export interface HistoryEvent {
  readonly position: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly actor: ParticipantRef | null;
}

export interface Answer {
  readonly id: string;
  readonly body: string;
  readonly author: ParticipantRef;
  readonly country: CountryRef | null;
  readonly answeredAt: string;
  readonly accepted: boolean;
}

export interface Adoption {
  readonly country: CountryRef;
  readonly by: ParticipantRef;
  readonly note: string | null;
  readonly adoptedAt: string;
}

export interface ProposalPartner {
  readonly country: CountryRef;
  readonly status: string;
  readonly note: string | null;
  readonly respondedAt: string | null;
}

export interface ProposalReview {
  readonly decision: ReviewDecision;
  readonly note: string;
  readonly reviewer: ParticipantRef;
  readonly reviewedAt: string;
}

interface ItemBase extends ItemSummary {
  readonly author: ParticipantRef;
  readonly audience: {
    readonly scope: string;
    readonly subregions: readonly Subregion[];
    readonly countries: readonly CountryRef[];
  };
  readonly subregions: readonly Subregion[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly history: readonly HistoryEvent[];
  readonly comments: Connection<Comment>;
}

export interface Practice extends ItemBase {
  readonly __typename: 'Practice';
  readonly summary: string;
  readonly body: string;
  readonly practiceStatus: string;
  readonly adoptions: readonly Adoption[];
}

export interface Question extends ItemBase {
  readonly __typename: 'Question';
  readonly body: string;
  readonly questionStatus: string;
  readonly answers: readonly Answer[];
}

export interface Proposal extends ItemBase {
  readonly __typename: 'JointProjectProposal';
  readonly objectives: string;
  readonly durationMonths: number;
  readonly leadCountry: CountryRef;
  readonly proposalStatus: string;
  readonly partners: readonly ProposalPartner[];
  readonly reviews: readonly ProposalReview[];
}

export type Item = Practice | Question | Proposal;

export interface AuditEvent {
  readonly position: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: ParticipantRef | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly data: unknown;
  readonly hash: string;
  readonly previousHash: string | null;
}

export interface IntegrityReport {
  readonly valid: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly problems: readonly string[];
}

export interface CountryActivity {
  readonly country: CountryRef;
  readonly total: number;
  readonly counts: readonly { readonly activity: Activity; readonly count: number }[];
}
