import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MarsadError } from '../core/errors.ts';
import { matchKey } from '../text/normalize.ts';
import type { Entity, RoleName } from './entity.ts';
import { covers, KB_FILE, knowledgeBaseFrom, loadKnowledgeBase } from './knowledge-base.ts';

const SHIPPED = fileURLToPath(new URL('../../models/kb/', import.meta.url));
const ids = (entities: readonly Entity[]) => entities.map((e) => e.id);

describe('the shipped knowledge base', () => {
  const kb = loadKnowledgeBase();
  const holder = (role: RoleName, of: string, date: string) => ids(kb.holders(role, of, date));

  test('gives Russia its Arabic demonyms and Moscow as capital', () => {
    const russia = kb.get('country:ru');
    assert.ok(russia);
    for (const form of ['الروسي', 'الروسية', 'الروس', 'روسي'])
      assert.ok(russia.demonyms?.includes(form), form);
    const moscow = kb.get(russia.capital ?? '');
    assert.equal(moscow?.name.ar, 'موسكو');
    assert.equal(moscow?.country, 'country:ru');
    assert.ok(ids(kb.byAliasKey(matchKey('الروسية'))).includes('country:ru'));
    assert.ok(ids(kb.byAliasKey(matchKey('روسيه'))).includes('country:ru'), 'key without ال');
  });

  test('keys both spellings of Kyrgyzstan, and the Russian Federation, to their country', () => {
    for (const name of ['قرغيزستان', 'قيرغيزستان'])
      assert.deepEqual(ids(kb.byAliasKey(matchKey(name))), ['country:kg'], name);
    assert.deepEqual(ids(kb.byAliasKey(matchKey('الاتحاد الروسي'))), ['country:ru']);
    assert.ok(ids(kb.byAliasKey(matchKey('الأمريكيون'))).includes('country:us'));
    assert.ok(ids(kb.byAliasKey(matchKey('الاتحاد السوفياتي'))).includes('country:soviet-union'));
  });

  test('keys the CIS by its name and by الكومنولث, and knows its foreign ministers council', () => {
    assert.ok(ids(kb.byAliasKey(matchKey('رابطة الدول المستقلة'))).includes('org:cis'));
    assert.ok(ids(kb.byAliasKey(matchKey('الكومنولث'))).includes('org:cis'));
    const [council] = kb.byAliasKey(matchKey('مجلس وزراء خارجية رابطة الدول المستقلة'));
    assert.equal(council?.partOf, 'org:cis');
    assert.equal(kb.get('org:unsc')?.partOf, 'org:un');
  });

  test('links capitals both ways: Yerevan and Minsk', () => {
    const yerevan = kb.byAliasKey(matchKey('يريفان')).find((e) => e.kind === 'city');
    assert.equal(yerevan?.country, 'country:am');
    assert.equal(kb.get('country:am')?.capital, yerevan?.id);
    const minsk = kb.get(kb.get('country:by')?.capital ?? '');
    assert.equal(minsk?.name.ar, 'مينسك');
    assert.ok(minsk?.lat !== undefined && minsk.geonames !== undefined);
  });

  test('answers who held an office on 12 April 2024', () => {
    assert.deepEqual(holder('foreign_minister', 'country:ru', '2024-04-12'), ['per:sergey-lavrov']);
    assert.deepEqual(holder('foreign_minister', 'country:by', '2024-04-12'), ['per:sergei-aleinik']);
    assert.equal(kb.get('per:sergei-aleinik')?.name.ar, 'سيرغي ألينيك');
    assert.deepEqual(holder('foreign_minister', 'country:am', '2024-04-12'), ['per:ararat-mirzoyan']);
    assert.equal(kb.get('per:ararat-mirzoyan')?.name.ar, 'أرارات ميرزويان');
    assert.deepEqual(holder('head_of_state', 'country:us', '2024-04-12'), ['per:joe-biden']);
    assert.deepEqual(holder('head_of_organisation', 'org:un', '2024-04-12'), ['per:antonio-guterres']);
  });

  test('finds Lavrov and Guterres under the spellings news uses', () => {
    for (const name of ['سيرغي لافروف', 'سيرجي لافروف', 'لافروف'])
      assert.ok(ids(kb.byAliasKey(matchKey(name))).includes('per:sergey-lavrov'), name);
    for (const name of ['أنطونيو غوتيريش', 'أنطونيو غوتيريس'])
      assert.ok(ids(kb.byAliasKey(matchKey(name))).includes('per:antonio-guterres'), name);
  });

  test('has a head of state, a head of government and a foreign minister for every covered country on 1 July 2020', () => {
    const covered = [
      ...[
        'ar',
        'au',
        'br',
        'ca',
        'cn',
        'de',
        'fr',
        'gb',
        'id',
        'in',
        'it',
        'jp',
        'kr',
        'mx',
        'ru',
        'sa',
        'tr',
        'us',
        'za',
      ],
      ...[
        'ae',
        'bh',
        'dj',
        'dz',
        'eg',
        'iq',
        'jo',
        'km',
        'kw',
        'lb',
        'ly',
        'ma',
        'mr',
        'om',
        'ps',
        'qa',
        'sd',
        'so',
      ],
      ...['sy', 'tn', 'ye', 'am', 'az', 'by', 'kg', 'kz', 'md', 'tj', 'tm', 'uz', 'ir', 'il', 'ua'],
    ];
    // Foreign ministers left out as not known reliably.
    const noForeignMinister = new Set(['km', 'so']);
    for (const code of covered) {
      const country = `country:${code}`;
      assert.ok(holder('head_of_state', country, '2020-07-01').length > 0, `${code} head of state`);
      assert.ok(holder('head_of_government', country, '2020-07-01').length > 0, `${code} head of government`);
      if (!noForeignMinister.has(code))
        assert.ok(holder('foreign_minister', country, '2020-07-01').length > 0, `${code} foreign minister`);
    }
  });

  test('never has two holders of one office beyond a handover day', () => {
    const terms = new Map<string, { id: string; from: string; to: string | undefined }[]>();
    for (const person of kb.all())
      for (const r of person.roles ?? []) {
        const office = `${r.role} ${r.of}`;
        terms.set(office, [...(terms.get(office) ?? []), { id: person.id, from: r.from, to: r.to }]);
      }
    for (const [office, list] of terms) {
      list.sort((a, b) => (a.from < b.from ? -1 : 1));
      for (let i = 1; i < list.length; i++) {
        const [before, next] = [list[i - 1]!, list[i]!];
        const exact = before.to?.length === 10 && next.from.length === 10;
        if (exact) assert.ok(before.to! <= next.from, `${office}: ${before.id} and ${next.id} overlap`);
        else assert.ok(before.to !== undefined, `${office}: ${before.id} never left office`);
      }
    }
  });

  test('keeps every country, with a Wikidata id, and cities of some size', () => {
    const countries = kb.all().filter((e) => e.kind === 'country');
    assert.equal(countries.length, 250);
    assert.ok(countries.every((c) => /^Q\d+$/.test(c.wikidata ?? '')));
    assert.ok(kb.all().filter((e) => e.kind === 'city').length > 1000);
    assert.ok(kb.all().every((e) => e.kind !== 'person' || e.wikidata === undefined));
  });
});

describe('knowledgeBaseFrom', () => {
  const person = (id: string, from: string, to?: string): Entity => ({
    id,
    type: 'PER',
    kind: 'person',
    name: { ar: id, en: id },
    aliases: { ar: [], en: [] },
    roles: [{ role: 'foreign_minister', of: 'country:xx', from, ...(to ? { to } : {}), source: 'test' }],
  });
  const kb = knowledgeBaseFrom([
    person('per:b', '2020-03-04'),
    person('per:a', '2014-06', '2020-03-04'),
    {
      id: 'country:xx',
      type: 'LOC',
      kind: 'country',
      name: { ar: 'الجزائر', en: 'Algeria' },
      aliases: { ar: [], en: ['People’s Republic'] },
      demonyms: ['الجزائري'],
    },
  ]);

  test('sorts by id and finds by id', () => {
    assert.deepEqual(ids(kb.all()), ['country:xx', 'per:a', 'per:b']);
    assert.equal(kb.get('per:a')?.id, 'per:a');
    assert.equal(kb.get('per:zz'), undefined);
    assert.equal(kb.size, 3);
  });

  test('indexes names with and without the article, English in lower case', () => {
    for (const key of ['الجزاير', 'جزاير', 'جزايري', 'algeria'])
      assert.deepEqual(ids(kb.byAliasKey(key)), ['country:xx'], key);
    assert.deepEqual(kb.byAliasKey('روسيا'), []);
  });

  test('gives both holders on a handover day, one on either side of it', () => {
    assert.deepEqual(ids(kb.holders('foreign_minister', 'country:xx', '2020-03-04')), ['per:a', 'per:b']);
    assert.deepEqual(ids(kb.holders('foreign_minister', 'country:xx', '2020-03-03')), ['per:a']);
    assert.deepEqual(ids(kb.holders('foreign_minister', 'country:xx', '2020-03-05')), ['per:b']);
    assert.deepEqual(ids(kb.holders('foreign_minister', 'country:xx', '2014-05-31')), []);
    assert.deepEqual(ids(kb.holders('head_of_state', 'country:xx', '2020-03-05')), []);
  });

  test('rejects a date that is not YYYY-MM-DD', () => {
    assert.throws(() => kb.holders('foreign_minister', 'country:xx', '2020-3-4'), MarsadError);
  });
});

test('covers compares each bound at its own precision, inclusively', () => {
  assert.ok(covers('2014-06', '2020', '2014-06-01'));
  assert.ok(covers('2014-06', '2020', '2020-12-31'));
  assert.ok(!covers('2014-06', '2020', '2014-05-31'));
  assert.ok(!covers('2014-06', '2020', '2021-01-01'));
  assert.ok(covers('2014', undefined, '2099-01-01'));
});

describe('loadKnowledgeBase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('refuses a model file that does not match its manifest', () => {
    cpSync(SHIPPED, dir, { recursive: true });
    writeFileSync(join(dir, KB_FILE), 'not the built file');
    assert.throws(
      () => loadKnowledgeBase(dir),
      (e: unknown) => e instanceof MarsadError && e.code === 'DATA_CORRUPT',
    );
  });
});
