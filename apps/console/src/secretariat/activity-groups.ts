import type { Activity } from '../api/enums';
import type { CountryActivity } from '../api/types';

/** The chart's colours: each activity counts towards the kind of cooperation it is part of. */
export const ACTIVITY_GROUPS = [
  'practices',
  'questions',
  'projects',
  'consultations',
  'profiles',
  'discussions',
] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

const GROUP_OF: Record<Activity, ActivityGroup> = {
  PRACTICE_SHARED: 'practices',
  PRACTICE_REVISED: 'practices',
  PRACTICE_WITHDRAWN: 'practices',
  PRACTICE_ADOPTED: 'practices',
  QUESTION_ASKED: 'questions',
  QUESTION_ANSWERED: 'questions',
  ANSWER_ACCEPTED: 'questions',
  QUESTION_CLOSED: 'questions',
  PROPOSAL_CREATED: 'projects',
  PARTNER_JOINED: 'projects',
  PARTNER_DECLINED: 'projects',
  PROPOSAL_SUBMITTED: 'projects',
  PROPOSAL_REVIEWED: 'projects',
  PROPOSAL_WITHDRAWN: 'projects',
  COMMENT_POSTED: 'discussions',
  QUESTION_REVISED: 'questions',
  ANSWER_EDITED: 'questions',
  QUESTION_REOPENED: 'questions',
  PROPOSAL_REVISED: 'projects',
  PARTNER_INVITED: 'projects',
  PROJECT_STARTED: 'projects',
  PROJECT_ACTIVITY_RECORDED: 'projects',
  PROJECT_COMPLETED: 'projects',
  CONSULTATION_REQUESTED: 'consultations',
  CONSULTATION_RESPONDED: 'consultations',
  CONSULTATION_CONCLUDED: 'consultations',
  CONSULTATION_WITHDRAWN: 'consultations',
  COUNTRY_PROFILE_UPDATED: 'profiles',
};

export interface CountryBar {
  readonly code: string;
  readonly total: number;
  readonly groups: Readonly<Record<ActivityGroup, number>>;
}

/** One bar per country that did something, busiest first. */
export function countryBars(stats: readonly CountryActivity[]): CountryBar[] {
  return stats
    .filter((row) => row.total > 0)
    .map((row) => {
      const groups = Object.fromEntries(ACTIVITY_GROUPS.map((group) => [group, 0])) as Record<ActivityGroup, number>;
      for (const { activity, count } of row.counts) groups[GROUP_OF[activity]] += count;
      return { code: row.country.code, total: row.total, groups };
    })
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
}
