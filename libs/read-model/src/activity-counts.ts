import { ACTIVITIES, type Activity } from '@coop/domain';
import type { ActivityCount } from './read-model.types.js';

/** Counts in the contract's order, only the activities that happened, with their total. */
export function activityCounts(counts: ReadonlyMap<Activity, number>): {
  total: number;
  counts: ActivityCount[];
} {
  const happened = ACTIVITIES.flatMap((activity) => {
    const count = counts.get(activity);
    return count === undefined ? [] : [{ activity, count }];
  });
  return { total: happened.reduce((sum, { count }) => sum + count, 0), counts: happened };
}
