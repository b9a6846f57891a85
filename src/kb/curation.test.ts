import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MarsadError } from '../core/errors.ts';
import { applyCuration, type CurationOp, parseCuration } from './curation.ts';
import type { Entity } from './entity.ts';
import { knowledgeBaseFrom, serializeEntities } from './knowledge-base.ts';

// A fresh "build" every call, as scripts/build-kb.ts would produce after a rebuild.
function build(): Entity[] {
  return [
    {
      id: 'country:ru',
      type: 'LOC',
      kind: 'country',
      name: { ar: 'روسيا', en: 'Russia' },
      aliases: { ar: [], en: [] },
    },
    {
      id: 'per:sergey-lavrov',
      type: 'PER',
      kind: 'person',
      name: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
      aliases: { ar: ['لافروف'], en: [] },
      country: 'country:ru',
      roles: [{ role: 'foreign_minister', of: 'country:ru', from: '2004-03-09', source: 'test' }],
    },
    {
      id: 'per:s-lavrov',
      type: 'PER',
      kind: 'person',
      name: { ar: 'س. لافروف', en: 'S. Lavrov' },
      aliases: { ar: [], en: ['Lavrov'] },
      roles: [{ role: 'foreign_minister', of: 'country:ru', from: '2004-03-09', to: '2030', source: 'test' }],
    },
  ];
}

const LOG = [
  '{"op":"alias","id":"per:sergey-lavrov","lang":"ar","name":"سيرگي لافروف","at":"2026-11-29T10:00:00Z"}',
  '',
  '{"op":"merge","from":"new:per:0123456789ab","into":"per:sergey-lavrov"}',
  '{"op":"merge","from":"per:s-lavrov","into":"per:sergey-lavrov"}',
  JSON.stringify({
    op: 'add',
    entity: {
      id: 'new:per:aaaaaaaaaaaa',
      kind: 'person',
      name: { ar: 'إيفان بتروف', en: 'Ivan Petrov' },
      country: 'country:ru',
    },
  }),
].join('\n');

const refused = (pattern: RegExp) => (e: unknown) =>
  e instanceof MarsadError && e.code === 'CURATION_REFUSED' && pattern.test(e.message);
const merge = (from: string, into: string): CurationOp => ({ op: 'merge', from, into });

describe('parseCuration', () => {
  test('reads one operation per line, skipping blank lines', () => {
    const ops = parseCuration(LOG);
    assert.deepEqual(
      ops.map((o) => o.op),
      ['alias', 'merge', 'merge', 'add'],
    );
    assert.equal(ops[0]?.at, '2026-11-29T10:00:00Z');
    const add = ops[3];
    assert.ok(add?.op === 'add');
    assert.equal(add.entity.type, 'PER', 'the type follows from the kind');
    assert.deepEqual(add.entity.aliases, { ar: [], en: [] });
  });

  test('names the line of a malformed operation', () => {
    const bad = (text: string, pattern: RegExp) =>
      assert.throws(
        () => parseCuration(text, 'log.jsonl'),
        (e: unknown) =>
          e instanceof MarsadError && e.code === 'CURATION_MALFORMED' && pattern.test(e.message),
      );
    bad('{"op":"merge","from":"a","into":"b"}\n\n{oops', /log\.jsonl line 3: not valid JSON/);
    bad('{"op":"rename"}', /line 1: op must be/);
    bad('{"op":"alias","id":"per:x","lang":"fr","name":"x"}', /lang must be "ar" or "en"/);
    bad('{"op":"alias","id":"per:x","lang":"ar","name":"  "}', /name must be a non-empty string/);
    bad('{"op":"merge","from":"a","into":"b","by":"me"}', /unknown field "by"/);
    bad('{"op":"add","entity":{"id":"per:x","kind":"person","name":{"ar":"س","en":"x"}}}', /cur:<slug>/);
    bad('{"op":"add","entity":{"id":"cur:x","kind":"pope","name":{"ar":"س","en":"x"}}}', /kind must be/);
    bad(
      '{"op":"add","entity":{"id":"new:org:0123456789ab","kind":"person","name":{"ar":"س","en":"x"}}}',
      /provisional ORG/,
    );
    bad('[1]', /an operation must be a JSON object/);
  });
});

describe('applyCuration', () => {
  const { entities, redirects } = applyCuration(build(), parseCuration(LOG));
  const kb = knowledgeBaseFrom(entities, redirects);
  const lavrov = kb.get('per:sergey-lavrov');

  test('alias adds a name to the entity', () => {
    assert.ok(lavrov?.aliases.ar.includes('سيرگي لافروف'));
  });

  test('merge moves names and roles into the target and leaves a redirect', () => {
    assert.equal(kb.get('per:s-lavrov'), undefined);
    assert.ok(lavrov?.aliases.ar.includes('س. لافروف'));
    assert.ok(lavrov?.aliases.en.includes('S. Lavrov') && lavrov.aliases.en.includes('Lavrov'));
    assert.equal(lavrov?.roles?.length, 2);
    assert.equal(kb.resolve('per:s-lavrov'), 'per:sergey-lavrov');
    assert.equal(kb.resolve('country:ru'), 'country:ru', 'identity when not merged');
  });

  test('merge of a provisional id not in the knowledge base only redirects', () => {
    assert.equal(redirects.get('new:per:0123456789ab'), 'per:sergey-lavrov');
    assert.equal(kb.resolve('new:per:0123456789ab'), 'per:sergey-lavrov');
    assert.equal(kb.size, 3);
  });

  test('add adds an entity, so a provisional id can be promoted to a named one', () => {
    assert.equal(kb.get('new:per:aaaaaaaaaaaa')?.name.en, 'Ivan Petrov');
  });

  test('chains resolve to the end, whichever order they were made in', () => {
    const base = build();
    const c = 'per:sergey-lavrov';
    for (const ops of [
      [merge('new:per:000000000001', 'per:s-lavrov'), merge('per:s-lavrov', c)],
      [merge('per:s-lavrov', c), merge('new:per:000000000001', 'per:s-lavrov')],
    ]) {
      const { redirects: r } = applyCuration(base, ops);
      assert.equal(r.get('new:per:000000000001'), c);
      assert.equal(knowledgeBaseFrom([], r).resolve('new:per:000000000001'), c);
    }
  });

  test('repeating operations changes nothing', () => {
    const ops = parseCuration(LOG);
    const twice = applyCuration(build(), [...ops, ...ops]);
    assert.equal(serializeEntities(twice.entities), serializeEntities(entities));
    assert.deepEqual(twice.redirects, redirects);
  });

  test('survives a rebuild: the same log on a freshly built list gives the same knowledge base', () => {
    const ops = parseCuration(LOG);
    const built = build();
    const again = applyCuration(built, ops);
    assert.equal(serializeEntities(again.entities), serializeEntities(entities));
    assert.deepEqual(again.redirects, redirects);
    assert.deepEqual(built, build(), 'the built entities are not changed');
    // A rebuild that brings new data (another alias, another entity) keeps the curation too.
    const richer = build().map((e) =>
      e.id === 'per:sergey-lavrov' ? { ...e, aliases: { ar: [...e.aliases.ar], en: ['Sergei Lavrov'] } } : e,
    );
    const curated = applyCuration(richer, ops);
    const rebuilt = knowledgeBaseFrom(curated.entities, curated.redirects);
    assert.ok(rebuilt.get('per:sergey-lavrov')?.aliases.en.includes('Sergei Lavrov'));
    assert.ok(rebuilt.get('per:sergey-lavrov')?.aliases.ar.includes('سيرگي لافروف'));
    assert.equal(rebuilt.resolve('per:s-lavrov'), 'per:sergey-lavrov');
  });

  test('refuses what cannot apply, naming the operation', () => {
    const bad = (ops: CurationOp[], pattern: RegExp) =>
      assert.throws(() => applyCuration(build(), ops, 'log.jsonl'), refused(pattern));
    bad(
      [{ op: 'alias', id: 'per:nobody', lang: 'en', name: 'X' }],
      /log\.jsonl: alias per:nobody .*no entity/,
    );
    bad([merge('per:s-lavrov', 'per:s-lavrov')], /into itself/);
    bad([merge('per:s-lavrov', 'per:sergey-lavrov'), merge('per:sergey-lavrov', 'per:s-lavrov')], /cycle/);
    bad([merge('new:per:000000000001', 'per:nobody')], /no entity per:nobody/);
    bad([merge('per:nobody', 'per:sergey-lavrov')], /only a provisional/);
    bad([merge('new:loc:000000000001', 'per:sergey-lavrov')], /is LOC but per:sergey-lavrov is PER/);
    bad(
      [merge('new:per:000000000001', 'per:sergey-lavrov'), merge('new:per:000000000001', 'per:s-lavrov')],
      /already merged into per:sergey-lavrov/,
    );
    const petrov = parseCuration(LOG).at(-1)!;
    assert.ok(petrov.op === 'add');
    bad([petrov, { op: 'add', entity: { ...petrov.entity, name: { ar: 'ب', en: 'B' } } }], /already exists/);
    bad([{ op: 'add', entity: { ...petrov.entity, country: 'country:zz' } }], /refers to country:zz/);
  });

  test('repoints references to a merged entity', () => {
    const { entities: merged } = applyCuration(build(), [
      {
        op: 'add',
        entity: {
          id: 'cur:russia',
          type: 'LOC',
          kind: 'country',
          name: { ar: 'ر', en: 'R' },
          aliases: { ar: [], en: [] },
        },
      },
      merge('cur:russia', 'country:ru'),
    ]);
    assert.equal(merged.find((e) => e.id === 'country:ru')?.aliases.en[0], 'R');
    const { entities: moved } = applyCuration(build(), [
      {
        op: 'add',
        entity: {
          id: 'cur:rus',
          type: 'LOC',
          kind: 'country',
          name: { ar: 'ر', en: 'R' },
          aliases: { ar: [], en: [] },
        },
      },
      merge('country:ru', 'cur:rus'),
    ]);
    assert.equal(moved.find((e) => e.id === 'per:sergey-lavrov')?.country, 'cur:rus');
    assert.equal(moved.find((e) => e.id === 'per:s-lavrov')?.roles?.[0]?.of, 'cur:rus');
  });
});
