import {
  canSee,
  type CountryCode,
  countryStreamId,
  foldItem,
  itemStreamId,
  type Participant,
  subregionsOf,
  type Viewer,
  visibilityOf,
} from '@coop/domain';
import type { EventStore } from '@coop/event-store';
import { AuditQueries } from './audit.queries.js';
import { CommentQueries } from './comment.queries.js';
import { bySubregion, CooperationReportQueries, profileSummary } from './cooperation-report.queries.js';
import { CountryProfileQueries } from './country-profile.queries.js';
import { FeedQueries } from './feed.queries.js';
import { ItemQueries } from './item.queries.js';
import { SearchQueries } from './search.queries.js';
import { NotificationQueries } from './notification.queries.js';
import { type ParticipantFilter, ParticipantQueries } from './participant.queries.js';
import type { ReadModelDatabase } from './read-model.database.js';
import type {
  AuditEventView,
  AuditFilter,
  CommentView,
  CooperationReportView,
  CountryActivity,
  CountryProfileView,
  FeedEntryView,
  FeedFilter,
  ItemView,
  NotificationFilter,
  NotificationView,
  Page,
  PageArgs,
  SearchFilter,
} from './read-model.types.js';

/**
 * Every query the GraphQL API asks of the read model. Methods taking a viewer
 * answer only with what the viewer may see; the others serve callers that
 * have already found the item visible (its comments, its history) or that
 * only the secretariat reaches (audit, statistics). Pages take `first`
 * (capped at 100) and an opaque `after`; a malformed cursor throws InvalidCursor.
 */
export class ReadModel {
  private readonly items: ItemQueries;
  private readonly feeds: FeedQueries;
  private readonly discussions: CommentQueries;
  private readonly audit: AuditQueries;
  private readonly searches: SearchQueries;
  private readonly profiles: CountryProfileQueries;
  private readonly reports: CooperationReportQueries;
  private readonly notices: NotificationQueries;
  private readonly directory: ParticipantQueries;

  constructor(
    database: ReadModelDatabase,
    private readonly store: EventStore,
  ) {
    this.items = new ItemQueries(database.db);
    this.discussions = new CommentQueries(database.db);
    this.feeds = new FeedQueries(database.db, this.discussions);
    this.audit = new AuditQueries(database.db, store);
    this.searches = new SearchQueries(database.db);
    this.profiles = new CountryProfileQueries(database.db);
    this.reports = new CooperationReportQueries(database.db);
    this.notices = new NotificationQueries(database.db, this.feeds);
    this.directory = new ParticipantQueries(database.db);
  }

  /** Null when the item does not exist or the viewer may not see it. */
  item(viewer: Viewer, id: string): ItemView | null {
    return this.items.item(viewer, id);
  }

  /**
   * The item as it stood at `at`, folded from its stream's events up to that
   * instant; null when it did not exist yet or the viewer could not see it
   * then. Visibility only grows (an invitation adds a country, nothing takes
   * one away), so an item the viewer cannot see now is not read at all.
   */
  async itemAsOf(viewer: Viewer, id: string, at: Date): Promise<ItemView | null> {
    const current = this.items.item(viewer, id);
    if (current === null) return null;
    const events = (await this.store.readStream(itemStreamId(current.kind, id))).filter(
      (event) => Date.parse(String(event.metadata['occurredAt'])) <= at.getTime(),
    );
    const state = foldItem(events);
    if (state === null) return null;
    const visibility = visibilityOf(state);
    if (!canSee(viewer, visibility)) return null;
    return {
      ...current,
      version: events.length,
      state,
      visibility,
      subregions: subregionsOf(visibility),
      updatedAt: state.updatedAt,
    };
  }

  /**
   * Items whose own text, answers, responses or comments hold every word (as
   * a prefix), best match first; empty filters filter nothing. Any text is
   * safe: it is reduced to words. The pages of one search rank the documents
   * that existed at its first page, with that page's figures.
   */
  search(viewer: Viewer, text: string, filter?: SearchFilter & PageArgs): Page<ItemView> {
    return this.searches.search(viewer, text, filter);
  }

  /** Newest first (default 20); empty `kinds`/`topics` lists filter nothing. */
  feed(viewer: Viewer, filter?: FeedFilter & PageArgs): Page<FeedEntryView> {
    return this.feeds.feed(viewer, filter);
  }

  /** Oldest first, strictly after `since` (a feed cursor): a subscription's backlog. */
  feedAfter(viewer: Viewer, filter: FeedFilter, since: string | null, limit: number): FeedEntryView[] {
    return this.feeds.feedAfter(viewer, filter, since, limit);
  }

  /** Oldest first (default 50). */
  comments(itemId: string, page?: PageArgs): Page<CommentView> {
    return this.discussions.comments(itemId, page);
  }

  comment(commentId: string): CommentView | null {
    return this.discussions.comment(commentId);
  }

  /** Events of the item's stream and of its discussion, oldest first. */
  history(itemId: string): Promise<AuditEventView[]> {
    return this.audit.history(itemId);
  }

  /** Every participant may read any country's profile. */
  countryProfile(country: CountryCode): CountryProfileView {
    return this.profiles.profile(country);
  }

  /** Events of the country's profile stream, oldest first. */
  countryProfileHistory(country: CountryCode): Promise<AuditEventView[]> {
    return this.audit.streamHistory(countryStreamId(country));
  }

  /** Oldest first (default 100). */
  auditTrail(filter?: AuditFilter | null, page?: PageArgs): Promise<Page<AuditEventView>> {
    return this.audit.auditTrail(filter, page);
  }

  /** Activities (feed entries and profile updates) per actor country in [from, to). */
  cooperationStats(from: Date | null, to: Date | null): CountryActivity[] {
    return this.feeds.cooperationStats(from, to);
  }

  /**
   * The secretariat's report on [from, to): activities per country (as
   * `cooperationStats`), per subregion of the acting country and per topic of
   * the item (as the activity found it), the pairs of countries that worked
   * together, the profiles as they stood at `to`, and the joint projects
   * endorsed and completed in the interval.
   */
  cooperationReport(from: Date, to: Date): CooperationReportView {
    const interval = { from: from.toISOString(), to: to.toISOString() };
    const byCountry = this.feeds.cooperationStats(from, to);
    return {
      from,
      to,
      byCountry,
      bySubregion: bySubregion(byCountry),
      byTopic: this.reports.byTopic(interval),
      countryLinks: this.reports.countryLinks(interval),
      profiles: profileSummary(this.profiles.profilesBefore(to)),
      endorsedProjects: this.reports.endorsedProjects(interval),
      completedProjects: this.reports.completedProjects(interval),
    };
  }

  /** The viewer's notifications, newest first (default 20), only about items they may still see. */
  notifications(viewer: Viewer, filter?: NotificationFilter & PageArgs): Page<NotificationView> {
    return this.notices.notifications(viewer, filter);
  }

  /** Oldest first, strictly after `since` (a notification cursor): a subscription's backlog. */
  notificationsAfter(viewer: Viewer, since: string | null, limit: number): NotificationView[] {
    return this.notices.notificationsAfter(viewer, since, limit);
  }

  unreadNotificationCount(viewer: Viewer): number {
    return this.notices.unreadCount(viewer);
  }

  /** The id of the event behind the notification a cursor names; InvalidCursor for anything else. */
  notifyingEventOf(cursor: string, field: string): string {
    return this.notices.notifyingEventOf(cursor, field);
  }

  /** The directory, by name (default 20). */
  participants(filter?: ParticipantFilter): Participant[] {
    return this.directory.participants(filter);
  }

  /** The directory's entries of these ids; ids it does not hold are absent. */
  participantsById(ids: readonly string[]): Map<string, Participant> {
    return this.directory.participantsById(ids);
  }

  /** Whether the participant watches the item. */
  watching(participantId: string, itemId: string): boolean {
    return this.directory.watching(participantId, itemId);
  }
}
