import type {
  Activity,
  CountryCode,
  CountryProfile,
  ItemKind,
  ItemState,
  ItemStates,
  NotificationReason,
  Participant,
  Subregion,
  Topic,
  VisibilityItem,
} from '@coop/domain';
import type { JsonObject, JsonValue, Position } from '@coop/event-store';

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Page<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
}

/** `first` defaults per list and is capped at `MAX_PAGE_SIZE`; `after` is an `endCursor` or edge cursor of the same list. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface ItemView {
  readonly id: string;
  readonly kind: ItemKind;
  /** Number of events of the item's own stream (not its discussion): the `expectedVersion` of the next edit. */
  readonly version: number;
  /** The domain decider's state folded over the item stream. */
  readonly state: ItemState;
  readonly visibility: VisibilityItem;
  readonly subregions: readonly Subregion[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An item view whose kind is known. */
export type ItemViewOf<Kind extends ItemKind> = ItemView & { readonly kind: Kind; readonly state: ItemStates[Kind] };

export const isItemViewOf = <Kind extends ItemKind>(view: ItemView, kind: Kind): view is ItemViewOf<Kind> =>
  view.state.kind === kind;

export interface FeedEntryView {
  /** Opaque; newest-first pages and `since` replays both take it. */
  readonly cursor: string;
  readonly position: Position;
  readonly activity: Activity;
  readonly occurredAt: string;
  readonly actor: Participant;
  readonly itemId: string;
  readonly itemKind: ItemKind;
  /**
   * `subregionsOf` the item as `item` holds it. An entry is listed in the
   * subregional feeds its item had when it was written: a country invited
   * later finds the entries from its invitation on in its subregion's feed.
   */
  readonly subregions: readonly Subregion[];
  /** The item as it stands now (queries) or as this entry's event left it (`onCommitted`). */
  readonly item: ItemView;
  /** COMMENT_POSTED: the comment, as posted (`onCommitted`) or as it now stands (queries: maybe edited or retracted). */
  readonly comment: CommentView | null;
  /** QUESTION_ANSWERED and ANSWER_EDITED: the answer's id; `item` (the question) holds the answer itself. */
  readonly answerId: string | null;
}

export interface FeedFilter {
  readonly subregion?: Subregion | null;
  readonly kinds?: readonly ItemKind[] | null;
  /** Entries whose item currently has at least one of these topics. */
  readonly topics?: readonly Topic[] | null;
  /** Entries of one item (the `itemUpdated` subscription). */
  readonly itemId?: string | null;
}

export interface SearchFilter {
  /** Empty or absent: every kind. */
  readonly kinds?: readonly ItemKind[] | null;
  /** Items that currently have at least one of these topics. */
  readonly topics?: readonly Topic[] | null;
  /** Items in that subregion's feed. */
  readonly subregion?: Subregion | null;
}

export interface CommentView {
  readonly id: string;
  readonly itemId: string;
  /** Null once retracted. */
  readonly body: string | null;
  readonly author: Participant;
  readonly country: CountryCode | null;
  readonly replyTo: string | null;
  readonly postedAt: string;
  readonly editedAt: string | null;
  readonly retracted: boolean;
}

export interface AuditEventView {
  readonly position: Position;
  readonly eventId: string;
  readonly streamId: string;
  /** 1-based number of the event in its stream. */
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  /** Null when the metadata names no actor. */
  readonly actor: Participant | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly hash: string;
  readonly previousHash: string | null;
  /** The item the event concerns (its own stream or its discussion), null for other streams. */
  readonly itemId: string | null;
  readonly itemKind: ItemKind | null;
}

/** Instants filter half-open: `from` inclusive, `to` exclusive. */
export interface AuditFilter {
  readonly itemId?: string | null;
  readonly kinds?: readonly ItemKind[] | null;
  /** Actor countries. */
  readonly countries?: readonly CountryCode[] | null;
  readonly actorId?: string | null;
  readonly types?: readonly string[] | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

export interface CountryProfileView {
  readonly country: CountryCode;
  /** Number of events of the country's profile stream: the `expectedVersion` of the next update; 0 before the first. */
  readonly version: number;
  readonly profile: CountryProfile;
}

export interface ActivityCount {
  readonly activity: Activity;
  readonly count: number;
}

export interface CountryActivity {
  readonly country: CountryCode;
  readonly total: number;
  /** Only activities that happened, in the contract's order. */
  readonly counts: readonly ActivityCount[];
}

export interface SubregionActivity {
  readonly subregion: Subregion;
  readonly total: number;
  readonly counts: readonly ActivityCount[];
}

export interface TopicActivity {
  readonly topic: Topic;
  readonly total: number;
}

/** Two countries that worked together in an interval, and how (both ways). */
export interface CountryLink {
  /** In code order. */
  readonly countries: readonly [CountryCode, CountryCode];
  /** Answers of each to the other's questions. */
  readonly answers: number;
  /** Adoptions of each of the other's practices. */
  readonly adoptions: number;
  /** Joint projects in implementation in the interval, both lead or joined partner. */
  readonly projects: number;
  /** Consultations of each the other responded to. */
  readonly consultations: number;
  readonly total: number;
}

/** Institutional outcomes as the profiles stood at an instant; countries in reference order. */
export interface ProfileSummary {
  readonly countriesWithCompetentAuthorities: readonly CountryCode[];
  readonly countriesWithIanPointOfContact: readonly CountryCode[];
  readonly selfAssessmentsCompleted: readonly CountryCode[];
  readonly actionPlansCompleted: readonly CountryCode[];
}

/** The secretariat's report on [from, to). */
export interface CooperationReportView {
  readonly from: Date;
  readonly to: Date;
  readonly byCountry: readonly CountryActivity[];
  readonly bySubregion: readonly SubregionActivity[];
  /** Most active first. */
  readonly byTopic: readonly TopicActivity[];
  /** Most active first. */
  readonly countryLinks: readonly CountryLink[];
  /** As the profiles stood at `to`. */
  readonly profiles: ProfileSummary;
  /** Oldest endorsement first. */
  readonly endorsedProjects: readonly ItemView[];
  /** Earliest completion first. */
  readonly completedProjects: readonly ItemView[];
}

export interface NotificationView {
  /** Stable across rebuilds: the event and whom it addressed (a group's members share one notification). */
  readonly id: string;
  /** Opaque, in log order; `after`, `since` and `markNotificationsRead(upTo)` take it. */
  readonly cursor: string;
  readonly position: Position;
  /** The event that caused it. */
  readonly eventId: string;
  /** `addresseeKey` of whom it is for: the viewer, or a group of theirs. */
  readonly addressee: string;
  readonly reason: NotificationReason;
  readonly createdAt: string;
  readonly read: boolean;
  /** The activity that caused it. */
  readonly entry: FeedEntryView;
}

export interface NotificationFilter {
  /** Only notifications newer than the viewer's read mark. */
  readonly unreadOnly?: boolean | null;
}
