import type { AuditExportRange } from '@coop/event-store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

export type RangeParameters = { readonly from?: string | undefined; readonly to?: string | undefined };

/** The export's range, or the problem with each bad bound (by its name). */
export function parseAuditExportRange(
  parameters: RangeParameters,
): { readonly range: AuditExportRange } | { readonly problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const instant = (name: keyof RangeParameters): Date | null => {
    const value = parameters[name];
    if (value === undefined || value === '') return null;
    // A bare date is midnight UTC, so `--to 2019-01-01` ends a biennium with the last day of 2018.
    const date = DATE.test(value) ? new Date(`${value}T00:00:00.000Z`) : DATE_TIME.test(value) ? new Date(value) : null;
    if (date === null || Number.isNaN(date.getTime())) {
      problems[name] = [`must be an ISO 8601 date or date-time, got ${JSON.stringify(value)}`];
      return null;
    }
    return date;
  };
  const from = instant('from');
  const to = instant('to');
  if (from !== null && to !== null && from.getTime() > to.getTime()) problems['to'] = ['must not be before from'];
  return Object.keys(problems).length > 0 ? { problems } : { range: { from, to } };
}
