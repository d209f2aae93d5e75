import {
  type Activity,
  COUNTRY_CODES,
  type CountryCode,
  type CountryProfile,
  isTopic,
  SUBREGIONS,
  subregionOfCountry,
  TOPICS,
  type Topic,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import { activityCounts } from './activity-counts.js';
import type { CountryLinkKind } from './cooperation.writer.js';
import { parseItemState } from './item-kinds.js';
import { ITEM_COLUMNS, type ItemColumns, itemViewOfRow } from './item-row.js';
import type {
  CountryActivity,
  CountryLink,
  ItemView,
  ProfileSummary,
  SubregionActivity,
  TopicActivity,
} from './read-model.types.js';

interface Interval {
  readonly from: string;
  readonly to: string;
}

type LinkCounts = { -readonly [Key in 'answers' | 'adoptions' | 'projects' | 'consultations']: number };

const FIELD_OF_KIND: Readonly<Record<CountryLinkKind, keyof LinkCounts>> = {
  ANSWER: 'answers',
  ADOPTION: 'adoptions',
  CONSULTATION: 'consultations',
};

/** The pair in code order, as one key. */
const pairKey = (a: CountryCode, b: CountryCode): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * The parts of the cooperation report that are not per-country counts, each
 * one indexed read of a table the projection keeps for it.
 */
export class CooperationReportQueries {
  private readonly topics: Database.Statement<Interval, { topic: string; total: number }>;
  private readonly links: Database.Statement<
    Interval,
    { kind: CountryLinkKind; item_country: CountryCode; actor_country: CountryCode; acts: number; items: number }
  >;
  private readonly projectsInImplementation: Database.Statement<Interval, { state: string }>;
  private readonly reachedMilestone: Database.Statement<Interval & { milestone: string }, ItemColumns>;

  constructor(db: Database.Database) {
    // The secretariat acts for no country, so, as in the per-country counts, only countries' activities count.
    this.topics = db.prepare(
      `SELECT t.topic, count(*) AS total FROM feed_entries f JOIN feed_topics t ON t.position = f.position
       WHERE f.occurred_at >= @from AND f.occurred_at < @to AND f.actor_country IS NOT NULL
       GROUP BY t.topic`,
    );
    this.links = db.prepare(
      `SELECT kind, item_country, actor_country, count(*) AS acts, count(DISTINCT item_id) AS items
       FROM country_links WHERE occurred_at >= @from AND occurred_at < @to
       GROUP BY kind, item_country, actor_country`,
    );
    this.projectsInImplementation = db.prepare(
      `SELECT i.state FROM project_milestones s JOIN items i ON i.id = s.item_id
       WHERE s.milestone = 'STARTED' AND s.at < @to
         AND NOT EXISTS (SELECT 1 FROM project_milestones c
                         WHERE c.item_id = s.item_id AND c.milestone = 'COMPLETED' AND c.at < @from)`,
    );
    this.reachedMilestone = db.prepare(
      `SELECT ${ITEM_COLUMNS} FROM project_milestones m JOIN items i ON i.id = m.item_id
       WHERE m.milestone = @milestone AND m.at >= @from AND m.at < @to
       ORDER BY m.at, i.seq`,
    );
  }

  /** Every topic, most active first (ties in reference order): activities on items of that topic. */
  byTopic(interval: Interval): TopicActivity[] {
    const totals = new Map<Topic, number>();
    for (const row of this.topics.all(interval)) if (isTopic(row.topic)) totals.set(row.topic, row.total);
    return TOPICS.map((topic) => ({ topic, total: totals.get(topic) ?? 0 })).sort((a, b) => b.total - a.total);
  }

  /**
   * Pairs that worked together, most active first (ties in code order): each
   * answer to the other's question and adoption of the other's practice, each
   * consultation of the other responded to (revisions count once), and each
   * joint project in implementation at some time in the interval with both
   * as lead or joined partner.
   */
  countryLinks(interval: Interval): CountryLink[] {
    const pairs = new Map<string, { countries: [CountryCode, CountryCode]; counts: LinkCounts }>();
    const add = (a: CountryCode, b: CountryCode, field: keyof LinkCounts, count: number) => {
      const key = pairKey(a, b);
      let pair = pairs.get(key);
      if (pair === undefined) {
        pair = {
          countries: a < b ? [a, b] : [b, a],
          counts: { answers: 0, adoptions: 0, projects: 0, consultations: 0 },
        };
        pairs.set(key, pair);
      }
      pair.counts[field] += count;
    };
    for (const row of this.links.all(interval)) {
      const field = FIELD_OF_KIND[row.kind];
      add(row.item_country, row.actor_country, field, field === 'consultations' ? row.items : row.acts);
    }
    for (const row of this.projectsInImplementation.all(interval)) {
      const state = parseItemState(row.state);
      if (state.kind !== 'PROPOSAL') continue;
      const countries = [
        state.country,
        ...state.partners.filter((partner) => partner.status === 'JOINED').map((partner) => partner.country),
      ];
      countries.forEach((a, index) => {
        for (const b of countries.slice(index + 1)) if (a !== b) add(a, b, 'projects', 1);
      });
    }
    return [...pairs.values()]
      .map(({ countries, counts }) => ({
        countries,
        ...counts,
        total: counts.answers + counts.adoptions + counts.projects + counts.consultations,
      }))
      .sort((a, b) => b.total - a.total || pairKey(...a.countries).localeCompare(pairKey(...b.countries)));
  }

  /** Joint projects endorsed in the interval, oldest endorsement first. */
  endorsedProjects(interval: Interval): ItemView[] {
    return this.reachedMilestone.all({ ...interval, milestone: 'ENDORSED' }).map(itemViewOfRow);
  }

  /** Joint projects completed (by the date recorded) in the interval, earliest first. */
  completedProjects(interval: Interval): ItemView[] {
    return this.reachedMilestone.all({ ...interval, milestone: 'COMPLETED' }).map(itemViewOfRow);
  }
}

/** Each subregion in reference order: the sum of its countries' counts. */
export function bySubregion(byCountry: readonly CountryActivity[]): SubregionActivity[] {
  return SUBREGIONS.map((subregion) => {
    const counts = new Map<Activity, number>();
    for (const row of byCountry) {
      if (subregionOfCountry(row.country) !== subregion) continue;
      for (const { activity, count } of row.counts) counts.set(activity, (counts.get(activity) ?? 0) + count);
    }
    return { subregion, ...activityCounts(counts) };
  });
}

/** What the profiles (as they stood) show of each country's institutional setup. */
export function profileSummary(profiles: ReadonlyMap<CountryCode, CountryProfile>): ProfileSummary {
  const countries = (test: (profile: CountryProfile) => boolean): CountryCode[] =>
    COUNTRY_CODES.filter((code) => {
      const profile = profiles.get(code);
      return profile !== undefined && test(profile);
    });
  return {
    countriesWithCompetentAuthorities: countries((profile) => profile.competentAuthorities.length > 0),
    countriesWithIanPointOfContact: countries((profile) => profile.ianPointOfContact !== null),
    selfAssessmentsCompleted: countries((profile) => profile.selfAssessment === 'COMPLETED'),
    actionPlansCompleted: countries((profile) => profile.actionPlan === 'COMPLETED'),
  };
}
