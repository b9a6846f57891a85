import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type EntityRef, type EventRecord, PLOVER_TYPES } from '../../core/doc.ts';
import { clusterStories, type Story } from '../stories.ts';
import { toPloverJsonLines, toPloverRecords } from './plover.ts';
import { intensity, MODE_INTENSITY, QUAD_CLASS, TYPE_INTENSITY } from './scales.ts';
import { COLUMNS, csvField, storyRows, toCsv, toTsv, tsvField } from './table.ts';

const ENTITIES: EntityRef[] = [
  { id: 'country:ru', type: 'LOC', kind: 'country', name: { ar: 'روسيا', en: 'Russia' }, wikidata: 'Q159' },
  { id: 'country:by', type: 'LOC', kind: 'country', name: { ar: 'بيلاروسيا', en: 'Belarus' } },
  {
    id: 'per:sergey-lavrov',
    type: 'PER',
    kind: 'person',
    name: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
    country: 'country:ru',
  },
  {
    id: 'new:per:abc',
    type: 'PER',
    name: { ar: 'سيرغي ألينيك', en: null },
    provisional: true,
  },
  {
    id: 'city:by:minsk',
    type: 'LOC',
    kind: 'city',
    name: { ar: 'مينسك', en: 'Minsk' },
    country: 'country:by',
    geonames: 625144,
    lat: 53.9,
    lon: 27.56667,
  },
];
const ISO3: Record<string, string> = { 'country:ru': 'RUS', 'country:by': 'BLR' };
const iso3 = (id: string) => ISO3[id];

// Arabic evidence with a comma, an Arabic comma, double quotes, a tab and a line break.
const TEXT = 'قال لافروف، في مينسك: "نحن, معاً"\tضد\nالإرهاب. ثم غادر.';

function event(id: string, fields: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    type: 'CONSULT',
    mode: 'visit',
    context: ['diplomatic'],
    actors: ['per:sergey-lavrov'],
    recipients: ['new:per:abc', 'country:by'],
    location: 'city:by:minsk',
    date: '2024-04-12',
    evidence: { start: 0, end: TEXT.indexOf('.') + 1 },
    trigger: { start: 0, end: 3 },
    confidence: 0.8,
    ...fields,
  };
}

function story(): Story {
  const stories = clusterStories([
    {
      articleId: 'a1',
      source: 'TASS',
      url: 'https://tass.example/a1',
      publishedAt: '2024-04-12',
      text: TEXT,
      event: event('a1:e1'),
    },
    { articleId: 'a2', source: 'BelTA', publishedAt: '2024-04-13', text: TEXT, event: event('a2:e1') },
  ]);
  assert.equal(stories.length, 1);
  return stories[0]!;
}

/** A small RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('quad classes and intensity', () => {
  test('every PLOVER type has a quad class and a score in −10…+10, as the manual groups them', () => {
    const byQuad = [1, 2, 3, 4].map((q) => PLOVER_TYPES.filter((t) => QUAD_CLASS[t] === q));
    assert.deepEqual(byQuad, [
      ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE'],
      ['COOPERATE', 'AID', 'RETREAT'],
      ['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN'],
      ['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'],
    ]);
    for (const t of PLOVER_TYPES) {
      assert.ok(Math.abs(TYPE_INTENSITY[t]) <= 10);
      // Cooperation scores at or above zero, conflict below (REQUEST is the manual's 0).
      assert.ok(QUAD_CLASS[t] <= 2 ? TYPE_INTENSITY[t] > 0 : TYPE_INTENSITY[t] <= 0, t);
      for (const score of Object.values(MODE_INTENSITY[t] ?? {})) assert.ok(Math.abs(score) <= 10);
    }
  });

  test('a scored mode refines its type; any other mode keeps the type score', () => {
    assert.equal(intensity('ASSAULT'), -9);
    assert.equal(intensity('ASSAULT', 'aerial'), -9.5);
    assert.equal(intensity('CONSULT', 'visit'), 4);
    assert.equal(intensity('CONSULT', 'no-such-mode'), 2.5);
    assert.equal(intensity('ACCUSE'), -3);
  });
});

describe('PLOVER records', () => {
  test('a story becomes one record with PLOVER field names, filled from the reports', () => {
    const [record] = toPloverRecords([story()], ENTITIES, { iso3 });
    assert.ok(record);
    assert.match(record.id, /^s-/);
    assert.equal(record.date, '2024-04-12');
    assert.equal(record.enddate, undefined);
    assert.deepEqual(record.event, ['CONSULT']);
    assert.deepEqual(record.mode, ['visit']);
    assert.deepEqual(record.context, ['diplomatic']);
    assert.deepEqual(record.actor, [
      {
        code: 'RUS',
        identifier_id: null,
        identifier_text: 'Sergey Lavrov',
        marsad_id: 'per:sergey-lavrov',
        name_ar: 'سيرغي لافروف',
        entity_type: 'PER',
        country: 'country:ru',
      },
    ]);
    assert.deepEqual(
      record.recipient.map((r) => [r.marsad_id, r.identifier_text, r.code]),
      [
        ['country:by', 'Belarus', 'BLR'],
        ['new:per:abc', 'سيرغي ألينيك', null],
      ],
    );
    assert.deepEqual(record.event_loc, {
      resolved_place: 'Minsk',
      name_ar: 'مينسك',
      marsad_id: 'city:by:minsk',
      geonameid: 625144,
      lat: 53.9,
      lon: 27.56667,
      country_code: 'BLR',
      resolution: 4,
    });
    assert.deepEqual(record.event_text, ['قال']);
    assert.equal(record.quad_code, 1);
    assert.equal(record.event_scale, 4);
    assert.equal(record.text, TEXT.slice(0, TEXT.indexOf('.') + 1));
    assert.deepEqual(record.cite_info, {
      citation: 'a1',
      url: 'https://tass.example/a1',
      publication: 'TASS',
      language: 'ar',
      coder: 'marsad',
      codebook: 'PLOVER manual draft 2.0 (2024)',
    });
    assert.equal(record.report_count, 2);
    assert.deepEqual(
      record.reports.map((r) => [r.article_id, r.event_id, r.publication]),
      [
        ['a1', 'a1:e1', 'TASS'],
        ['a2', 'a2:e1', 'BelTA'],
      ],
    );
  });

  test('a month date becomes date … enddate; the auxiliary becomes a PLOVER special context', () => {
    const [record] = toPloverRecords([event('x:e1', { date: '2024-02', auxiliary: 'negated' })], ENTITIES);
    assert.equal(record!.date, '2024-02-01');
    assert.equal(record!.enddate, '2024-02-29');
    assert.equal(record!.date_precision, 'month');
    assert.deepEqual(record!.context, ['diplomatic', 'negation']);
    const [year] = toPloverRecords([event('x:e1', { date: '2023' })], ENTITIES);
    assert.deepEqual([year!.date, year!.enddate], ['2023-01-01', '2023-12-31']);
    const { date: _, ...undatedEvent } = event('x:e1');
    const [undated] = toPloverRecords([undatedEvent], ENTITIES);
    assert.equal(undated!.date, null);
  });

  test('plain events export under their own ids, their article taken from the id', () => {
    const [record] = toPloverRecords([event('a-0123456789abcdef:e3')], ENTITIES);
    assert.equal(record!.id, 'a-0123456789abcdef:e3');
    assert.equal(record!.cite_info.citation, 'a-0123456789abcdef');
    assert.equal(record!.actor[0]!.code, null); // no iso3 lookup given
    assert.equal(record!.text, undefined); // no text given
  });

  test('JSON lines: one record per line', () => {
    const lines = toPloverJsonLines([story(), event('b:e1', { type: 'ASSAULT', mode: 'aerial' })], ENTITIES);
    const records = lines
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(records.length, 2);
    assert.deepEqual(records[1].event, ['ASSAULT']);
    assert.equal(records[1].event_scale, -9.5);
  });
});

describe('tables', () => {
  test('CSV quotes Arabic text with commas, quotes and line breaks (RFC 4180) and reads back', () => {
    assert.equal(csvField('مينسك'), 'مينسك');
    assert.equal(csvField('روسيا، بيلاروسيا'), 'روسيا، بيلاروسيا'); // the Arabic comma needs no quotes
    assert.equal(csvField('نحن, معاً'), '"نحن, معاً"');
    assert.equal(csvField('قال: "نعم"'), '"قال: ""نعم"""');
    assert.equal(csvField('سطر\nآخر'), '"سطر\nآخر"');
    const csv = toCsv([story()], ENTITIES);
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], [...COLUMNS]);
    assert.equal(rows.length, 2);
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c, rows[1]![i]]));
    assert.equal(cells.evidence, TEXT.slice(0, TEXT.indexOf('.') + 1));
    assert.equal(cells.num_reports, '2');
    assert.equal(cells.quad_class, '1');
    assert.equal(cells.quad_name, 'verbal cooperation');
    assert.equal(cells.intensity, '4');
    assert.equal(cells.actor_names, 'Sergey Lavrov');
    assert.equal(cells.actor_countries, 'country:ru');
    assert.equal(cells.recipient_ids, 'country:by|new:per:abc');
    assert.equal(cells.recipient_names, 'Belarus|سيرغي ألينيك');
    assert.equal(cells.recipient_countries, 'country:by|');
    assert.deepEqual(
      [cells.location_name, cells.location_lat, cells.location_lon],
      ['Minsk', '53.9', '27.56667'],
    );
    assert.equal(cells.sources, 'https://tass.example/a1|a2');
    assert.equal(cells.publications, 'TASS|BelTA');
  });

  test('TSV escapes tabs, line breaks and backslashes, so every row has every column', () => {
    assert.equal(tsvField('أ\tب\nج\r\\د'), 'أ\\tب\\nج\\r\\\\د');
    const tsv = toTsv([story(), event('b:e1', { type: 'ASSAULT', fatalities: 4 })], ENTITIES);
    const lines = tsv.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 3);
    for (const line of lines) assert.equal(line.split('\t').length, COLUMNS.length);
    const evidence = lines[1]!.split('\t')[COLUMNS.indexOf('evidence')]!;
    assert.equal(evidence, 'قال لافروف، في مينسك: "نحن, معاً"\\tضد\\nالإرهاب.');
    const assault = lines[2]!.split('\t');
    assert.equal(assault[COLUMNS.indexOf('fatalities')], '4');
    assert.equal(assault[COLUMNS.indexOf('quad_class')], '4');
  });

  test('one row per story, in the order given', () => {
    const rows = storyRows([story(), event('b:e1')], ENTITIES);
    assert.deepEqual(
      rows.map((r) => r[COLUMNS.indexOf('num_reports')]),
      ['2', '1'],
    );
  });
});
