import { SUBREGIONS, type Subregion } from '../api/enums';
import type { CountryLink } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { untranslated } from '../ui/untranslated';
import { useWidth } from '../ui/use-width';

/** Below this width the nodes carry the countries' codes, and their names only in their titles. */
const NAMES_FROM_WIDTH = 560;
const MAX_SIZE = 720;
const NAME_ROOM = 140;
const MIN_STROKE = 1.5;
const MAX_STROKE = 8;

export interface GraphCountry {
  readonly code: string;
  readonly subregion: Subregion;
}

interface Placed extends GraphCountry {
  readonly x: number;
  readonly y: number;
  readonly angle: number;
}

/**
 * Every country on one circle, grouped by subregion with a gap between the
 * groups, in the Programme's order of subregions and, within one, by code.
 */
function placed(countries: readonly GraphCountry[], centre: number, radius: number): Placed[] {
  const ordered = SUBREGIONS.flatMap((subregion) =>
    countries.filter((country) => country.subregion === subregion).sort((a, b) => a.code.localeCompare(b.code)),
  );
  const slots = ordered.length + SUBREGIONS.length;
  let slot = 0;
  let previous: Subregion | null = null;
  return ordered.map((country) => {
    if (previous !== null && country.subregion !== previous) slot += 1;
    previous = country.subregion;
    const angle = -Math.PI / 2 + (2 * Math.PI * (slot + 0.5)) / slots;
    slot += 1;
    return { ...country, angle, x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
  });
}

/**
 * Country-to-country cooperation as a network over the four subregions: a
 * line for each pair of countries that worked together, as wide as their
 * cooperation was large, bent towards the centre (the more, the farther
 * apart the countries) so lines between neighbours on the circle stay
 * short and lines across it stay apart. The table beside it carries the same figures.
 */
export function CountryLinksGraph({
  countries,
  links,
}: {
  countries: readonly GraphCountry[];
  links: readonly CountryLink[];
}) {
  const { t, label, countryName, number } = useTranslation();
  const [ref, width] = useWidth();
  const size = Math.min(width, MAX_SIZE);
  const names = size >= NAMES_FROM_WIDTH;
  const nodeRadius = names ? 7 : 13;
  const centre = size / 2;
  const radius = centre - (names ? NAME_ROOM : nodeRadius + 4);
  const nodes = placed(countries, centre, radius);
  const at = new Map(nodes.map((node) => [node.code, node]));
  const max = Math.max(1, ...links.map((link) => link.total));
  const linked = (code: string) =>
    links
      .filter((link) => link.countries.some((country) => country.code === code))
      .reduce((sum, link) => sum + link.total, 0);
  return (
    <figure class="chart graph" ref={ref}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        role="img"
        aria-labelledby="links-graph-title"
        data-links={links.length}
      >
        <title id="links-graph-title">{t('report.graphTitle')}</title>
        <g class="graph-edges">
          {links.map((link) => {
            const [first, second] = link.countries;
            const a = first === undefined ? undefined : at.get(first.code);
            const b = second === undefined ? undefined : at.get(second.code);
            if (a === undefined || b === undefined) return null;
            // Close countries are joined by a slight curve, far ones by a deep one through the middle.
            const span = Math.hypot(a.x - b.x, a.y - b.y) / (2 * radius);
            const pull = 0.9 - 0.7 * span;
            const controlX = centre + ((a.x + b.x) / 2 - centre) * pull;
            const controlY = centre + ((a.y + b.y) / 2 - centre) * pull;
            const within = a.subregion === b.subregion;
            return (
              <path
                key={`${a.code}-${b.code}`}
                class={`graph-edge ${within ? `subregion-${a.subregion}` : 'graph-edge-between'}`}
                d={`M ${a.x} ${a.y} Q ${controlX} ${controlY} ${b.x} ${b.y}`}
                fill="none"
                stroke-width={MIN_STROKE + ((MAX_STROKE - MIN_STROKE) * link.total) / max}
                stroke-linecap="round"
                data-countries={`${a.code}-${b.code}`}
                data-total={link.total}
              >
                <title>
                  {t('report.linkTitle', {
                    first: countryName(a.code),
                    second: countryName(b.code),
                    total: number(link.total),
                  })}
                </title>
              </path>
            );
          })}
        </g>
        <g class="graph-nodes">
          {nodes.map((node) => {
            const right = Math.cos(node.angle) >= 0;
            return (
              <g key={node.code} class="graph-node" data-country={node.code} data-subregion={node.subregion}>
                <circle cx={node.x} cy={node.y} r={nodeRadius} class={`subregion-${node.subregion}`}>
                  <title>
                    {t('report.nodeTitle', { country: countryName(node.code), total: number(linked(node.code)) })}
                  </title>
                </circle>
                {names ? (
                  <text
                    x={node.x + (right ? 1 : -1) * (nodeRadius + 6)}
                    y={node.y}
                    class="graph-label"
                    text-anchor={right ? 'start' : 'end'}
                    dominant-baseline="middle"
                  >
                    {countryName(node.code)}
                  </text>
                ) : (
                  <text
                    x={node.x}
                    y={node.y}
                    class="graph-code"
                    text-anchor="middle"
                    dominant-baseline="central"
                    ref={untranslated}
                    aria-hidden="true"
                  >
                    {node.code}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul class="legend">
          {SUBREGIONS.map((subregion) => (
            <li key={subregion}>
              <svg viewBox="0 0 10 10" class="legend-swatch" aria-hidden="true">
                <circle cx="5" cy="5" r="5" class={`subregion-${subregion}`} />
              </svg>
              {label('Subregion', subregion)}
            </li>
          ))}
          <li>
            <svg viewBox="0 0 20 10" class="legend-swatch legend-line" aria-hidden="true">
              <line x1="0" y1="5" x2="20" y2="5" class="graph-edge graph-edge-between" stroke-width="3" />
            </svg>
            {t('report.between')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
