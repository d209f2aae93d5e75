import type {
  Activity,
  NotificationReason,
  ConsultationPosition,
  ItemKind,
  LinkKind,
  ProgressStatus,
  ProjectActivityKind,
  ReviewDecision,
  Role,
  Subregion,
  Topic,
} from './enums';

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
  /** The comment a COMMENT_POSTED entry is about. */
  readonly comment: { readonly id: string; readonly body: string | null; readonly retracted: boolean } | null;
  /** The answer a QUESTION_ANSWERED or ANSWER_EDITED entry is about. */
  readonly answer: { readonly id: string; readonly body: string } | null;
}

export interface Link {
  readonly url: string;
  readonly title: string;
  readonly kind: LinkKind;
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

/** A history event with what it recorded. */
export interface RecordedEvent extends Omit<HistoryEvent, 'version'> {
  readonly data: unknown;
}

export interface Answer {
  readonly id: string;
  readonly body: string;
  readonly author: ParticipantRef;
  readonly country: CountryRef | null;
  readonly answeredAt: string;
  readonly editedAt: string | null;
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

export interface ProjectActivity {
  readonly id: string;
  readonly kind: ProjectActivityKind;
  readonly title: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly venue: string | null;
  readonly countries: readonly CountryRef[];
  readonly outcome: string | null;
  readonly links: readonly Link[];
  readonly recordedBy: ParticipantRef;
  readonly recordedAt: string;
}

export interface ConsultationResponse {
  readonly country: CountryRef;
  readonly position: ConsultationPosition;
  readonly body: string;
  readonly by: ParticipantRef;
  readonly respondedAt: string;
  readonly revisedAt: string | null;
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
  readonly links: readonly Link[];
  /** Whether the viewer is notified of every activity on it. */
  readonly watching: boolean;
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
  readonly donor: string | null;
  readonly startedOn: string | null;
  readonly completedOn: string | null;
  readonly evaluation: string | null;
  /** Oldest first. */
  readonly activities: readonly ProjectActivity[];
}

export interface Consultation extends ItemBase {
  readonly __typename: 'TransboundaryConsultation';
  readonly hazardousActivity: string;
  readonly location: string;
  readonly body: string;
  readonly respondBy: string;
  readonly consultationStatus: string;
  readonly overdue: boolean;
  readonly conclusion: string | null;
  readonly consultedCountries: readonly CountryRef[];
  readonly awaiting: readonly CountryRef[];
  readonly responses: readonly ConsultationResponse[];
  /** The item's history with what each event recorded, for the earlier versions of each response. */
  readonly responseHistory: readonly RecordedEvent[];
}

export type Item = Practice | Question | Proposal | Consultation;

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

export interface CountryProfile {
  readonly competentAuthorities: readonly string[];
  readonly focalPoint: string | null;
  readonly ianPointOfContact: string | null;
  readonly selfAssessment: ProgressStatus;
  readonly actionPlan: ProgressStatus;
  readonly version: number;
  readonly updatedAt: string | null;
}

export interface CountryWithProfile {
  readonly code: string;
  readonly subregion: Subregion;
  readonly party: boolean;
  readonly profile: CountryProfile;
}

export interface CountryProfileDetails extends CountryWithProfile {
  readonly neighbours: readonly CountryRef[];
  readonly profile: CountryProfile & { readonly history: readonly (RecordedEvent & { readonly version: number })[] };
}

/** Two countries that worked together in a period, and how (both ways). */
export interface CountryLink {
  readonly countries: readonly CountryRef[];
  readonly answers: number;
  readonly adoptions: number;
  readonly projects: number;
  readonly consultations: number;
  readonly total: number;
}

export interface CooperationReport {
  readonly from: string;
  readonly to: string;
  readonly byCountry: readonly CountryActivity[];
  readonly bySubregion: readonly {
    readonly subregion: Subregion;
    readonly total: number;
    readonly counts: readonly { readonly activity: Activity; readonly count: number }[];
  }[];
  readonly byTopic: readonly { readonly topic: Topic; readonly total: number }[];
  readonly countryLinks: readonly CountryLink[];
  readonly profiles: {
    readonly countriesWithCompetentAuthorities: readonly CountryRef[];
    readonly countriesWithIanPointOfContact: readonly CountryRef[];
    readonly selfAssessmentsCompleted: readonly CountryRef[];
    readonly actionPlansCompleted: readonly CountryRef[];
  };
  readonly endorsedProjects: readonly ProjectSummary[];
  readonly completedProjects: readonly ProjectSummary[];
}

export interface ProjectSummary {
  readonly id: string;
  readonly title: string;
  readonly leadCountry: CountryRef;
}

export interface Notification {
  readonly id: string;
  /** In log order: `since` for `notificationAdded`, `upTo` for `markNotificationsRead`. */
  readonly cursor: string;
  readonly reason: NotificationReason;
  readonly createdAt: string;
  readonly read: boolean;
  readonly entry: FeedEntry;
}

export interface NotificationConnection extends Connection<Notification> {
  readonly unreadCount: number;
}
