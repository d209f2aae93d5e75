import { countryInfo } from '@coop/domain';
import type { ActivityCount as ActivityCountView, CountryActivity as CountryActivityView } from '@coop/read-model';
import type { ActivityCount, CountryActivity } from './cooperation-stats.types.js';

export const activityCountModels = (counts: readonly ActivityCountView[]): ActivityCount[] =>
  counts.map(({ activity, count }) => ({ activity, count }));

export const countryActivityModel = (row: CountryActivityView): CountryActivity => ({
  country: countryInfo(row.country),
  total: row.total,
  counts: activityCountModels(row.counts),
});
