import { useTranslation } from '../i18n/i18n';
import { untranslated } from '../ui/untranslated';
import { useWidth } from '../ui/use-width';
import { ACTIVITY_GROUPS, type CountryBar } from './activity-groups';

const LABEL_WIDTH = 180;
const TOTAL_WIDTH = 48;
const ROW = 28;
const BAR = 18;
/** About the width of one character of a label, at the chart's 13 px. */
const CHARACTER_WIDTH = 7.2;

/** Activity per country as horizontal stacked bars, drawn as SVG; the table beside it carries the same figures. */
export function ActivityBarChart({ bars }: { bars: readonly CountryBar[] }) {
  const { t, countryName, number } = useTranslation();
  const [ref, width] = useWidth();
  const labelWidth = Math.min(LABEL_WIDTH, Math.round(width * 0.4));
  const max = Math.max(1, ...bars.map((bar) => bar.total));
  const scale = Math.max(0, width - labelWidth - TOTAL_WIDTH) / max;
  const height = bars.length * ROW + 8;
  return (
    <figure class="chart" ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="chart-title"
        preserveAspectRatio="xMinYMin meet"
        data-bars={bars.length}
      >
        <title id="chart-title">{t('statistics.chartTitle')}</title>
        {bars.map((bar, row) => {
          const y = row * ROW + 4;
          let x = labelWidth;
          return (
            <g key={bar.code} class="chart-row">
              {/* A name too long for the room left of the bars gives way to the country's code. */}
              {countryName(bar.code).length * CHARACTER_WIDTH <= labelWidth - 8 ? (
                <text
                  x={labelWidth - 8}
                  y={y + BAR / 2}
                  class="chart-label"
                  text-anchor="end"
                  dominant-baseline="middle"
                >
                  {countryName(bar.code)}
                </text>
              ) : (
                <text
                  x={labelWidth - 8}
                  y={y + BAR / 2}
                  class="chart-label"
                  text-anchor="end"
                  dominant-baseline="middle"
                  ref={untranslated}
                >
                  <title>{countryName(bar.code)}</title>
                  {bar.code}
                </text>
              )}
              {ACTIVITY_GROUPS.map((group) => {
                const width = bar.groups[group] * scale;
                const segment = (
                  <rect key={group} x={x} y={y} width={width} height={BAR} class={`chart-${group}`}>
                    <title>
                      {t('statistics.segment', {
                        country: countryName(bar.code),
                        group: t(`statistics.group.${group}`),
                        count: number(bar.groups[group]),
                      })}
                    </title>
                  </rect>
                );
                x += width;
                return segment;
              })}
              <text x={x + 6} y={y + BAR / 2} class="chart-total" dominant-baseline="middle">
                {number(bar.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {ACTIVITY_GROUPS.map((group) => (
            <li key={group}>
              <svg viewBox="0 0 10 10" class="legend-swatch" aria-hidden="true">
                <rect width="10" height="10" class={`chart-${group}`} />
              </svg>
              {t(`statistics.group.${group}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
