import { type Figure, isMet, ratioOf, type Target } from './scenario.js';

/** A figure as the run's table shows it, under its scenario's name. */
export interface Row {
  readonly scenario: string;
  readonly figure: Figure;
}

/** A scenario that threw: its row says so and the run fails. */
export interface Failure {
  readonly scenario: string;
  readonly error: string;
}

const HEADERS = ['scenario', 'figure', 'value', 'floor (same run)', 'ratio', 'target', 'met'] as const;

/** Thousands separated, with as many decimals as a figure of that size needs. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const decimals = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function formatTarget(target: Target, unit: string): string {
  const bound = 'atLeast' in target ? `≥ ${formatNumber(target.atLeast)}` : `≤ ${formatNumber(target.atMost)}`;
  return target.on === 'ratio' ? `ratio ${bound}` : `${bound} ${unit}`;
}

function cells(row: Row): string[] {
  const { figure } = row;
  const ratio = ratioOf(figure);
  const met = isMet(figure);
  return [
    row.scenario,
    figure.note === undefined ? figure.name : `${figure.name} (${figure.note})`,
    `${formatNumber(figure.value)} ${figure.unit}`,
    figure.floor === undefined ? '—' : `${figure.floor.name}: ${formatNumber(figure.floor.value)} ${figure.unit}`,
    ratio === null ? '—' : ratio.toFixed(3),
    (figure.targets ?? []).map((target) => formatTarget(target, figure.unit)).join(', ') || '—',
    met === null ? '—' : met ? 'met' : 'NOT MET',
  ];
}

/** One Markdown table for the whole run: the same text goes to the terminal and into docs/benchmarks.md. */
export function formatTable(rows: readonly Row[], failures: readonly Failure[] = []): string {
  const body = [
    ...rows.map(cells),
    ...failures.map(({ scenario, error }) => [scenario, `failed: ${error}`, '—', '—', '—', '—', 'NOT MET']),
  ];
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...body.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(HEADERS), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** True when every target of the run holds and no scenario failed. */
export const allMet = (rows: readonly Row[], failures: readonly Failure[]): boolean =>
  failures.length === 0 && rows.every(({ figure }) => isMet(figure) !== false);
