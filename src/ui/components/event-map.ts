// Where events happened, on a world map drawn offline: country outlines from world-atlas
// (countries-110m.json, copied beside the bundle by scripts/build-ui.ts) projected with d3-geo, and
// a circle per place sized by area to its event count. Circles are links to the place's page, with
// a <title>, so they are reachable by Tab and named for assistive technology.

import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { EventLocation } from '../../store/repository.ts';
import { areaRadius } from '../chart-layout.ts';
import type { PageContext } from '../context.ts';
import { type Child, h, s } from '../dom.ts';
import { entityName, formatNumber, listSeparator } from '../format.ts';
import { ploverLabel } from '../i18n.ts';
import { entityHref } from '../route.ts';

const WIDTH = 960;
const HEIGHT = 500;

type Countries = GeoJSON.FeatureCollection<GeoJSON.Geometry, { name?: string }>;

let countries: Promise<Countries> | undefined;

/** The outlines, fetched once per session (a failed fetch is tried again next time). */
function loadCountries(): Promise<Countries> {
  countries ??= fetch('/countries-110m.json')
    .then((response) => {
      if (!response.ok) throw new Error(`countries-110m.json: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name?: string }> }>>;
    })
    .then((topology) => feature(topology, topology.objects.countries) as Countries)
    .catch((error: unknown) => {
      countries = undefined;
      throw error;
    });
  return countries;
}

/** The map; outlines that fail to load leave the circles on a bare globe rather than no map. */
export async function eventMap(ctx: PageContext, locations: readonly EventLocation[]): Promise<Child> {
  const outlines = await loadCountries().catch(() => null);
  const projection = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [WIDTH - 8, HEIGHT - 8],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const placed = locations
    .filter((l) => Number.isFinite(l.entity.lat) && Number.isFinite(l.entity.lon))
    // Largest first, so smaller circles are drawn on top and stay clickable.
    .sort((a, b) => b.events - a.events);
  const most = Math.max(1, ...placed.map((l) => l.events));
  const circles = placed.flatMap((location) => {
    const xy = projection([location.entity.lon!, location.entity.lat!]);
    if (!xy) return [];
    const name = entityName(location.entity, ctx.lang);
    const label = ctx.t('mapCircle', { name, n: formatNumber(ctx.lang, location.events) });
    const types = Object.entries(location.types)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([type, n]) => `${ploverLabel(ctx.t, type)} ${formatNumber(ctx.lang, n ?? 0)}`)
      .join(listSeparator(ctx.lang));
    return [
      s(
        'a',
        { href: entityHref(location.entity.id), class: 'map__place', 'aria-label': label },
        s(
          'circle',
          {
            class: 'map__circle',
            cx: round(xy[0]),
            cy: round(xy[1]),
            r: round(areaRadius(location.events, most, 3, 26)),
            'data-testid': 'map-circle',
            'data-entity': location.entity.id,
            'data-events': location.events,
          },
          s('title', null, types ? `${label} (${types})` : label),
        ),
      ),
    ];
  });
  const svg = s(
    'svg',
    {
      class: 'chart map',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'group',
      'aria-label': ctx.t('mapLabel'),
      'data-testid': 'map',
    },
    s('path', { class: 'map__sphere', d: path({ type: 'Sphere' }) ?? '' }),
    s('path', { class: 'map__graticule', d: path(geoGraticule10()) ?? '' }),
    outlines?.features.map((country) =>
      s(
        'path',
        { class: 'map__country', d: path(country) ?? '' },
        country.properties?.name ? s('title', null, country.properties.name) : null,
      ),
    ),
    circles,
  );
  const unplaced = locations.length - placed.length;
  return [
    svg,
    unplaced > 0
      ? h('p', { class: 'note' }, ctx.t('mapUnplaced', { n: formatNumber(ctx.lang, unplaced) }))
      : null,
  ];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
