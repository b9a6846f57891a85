import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curatedEntities, curatedRoles, withRoles } from './curated.ts';
import { readTsv } from './tsv.ts';

const ROLE_HEADER = 'person\trole\tof\tfrom\tto\tsource\tnote';
const roles = (...lines: string[]) => curatedRoles(readTsv([ROLE_HEADER, ...lines].join('\n'), 'roles.tsv'));

test('reads an entity row, with its type from its kind and the name out of the aliases', () => {
  const [cfm] = curatedEntities(
    readTsv(
      'id\tkind\tcountry\tpart_of\ten\tar\tar_aliases\ten_aliases\n' +
        'org:cis-cfm\tbody\t\torg:cis\tCIS CFM\tمجلس وزراء الخارجية\tمجلس  وزراء الخارجية|مجلس الوزراء\tCFM',
      'organisations.tsv',
    ),
  );
  assert.deepEqual(cfm, {
    id: 'org:cis-cfm',
    type: 'ORG',
    kind: 'body',
    name: { ar: 'مجلس وزراء الخارجية', en: 'CIS CFM' },
    aliases: { ar: ['مجلس الوزراء'], en: ['CFM'] },
    partOf: 'org:cis',
  });
});

test('rejects an unknown kind', () => {
  const rows = readTsv('id\tkind\ten\tar\norg:x\tclub\tX\tس', 'organisations.tsv');
  assert.throws(() => curatedEntities(rows), /organisations.tsv:2: unknown kind club/);
});

test('reads roles by person, in order of their start', () => {
  const byPerson = roles(
    'per:a\thead_of_government\tcountry:xx\t2018-04-23\t2018-05-08\tlist\tacting',
    'per:a\thead_of_government\tcountry:xx\t2016-09\t2018-04\tlist',
  );
  assert.deepEqual(byPerson.get('per:a'), [
    { role: 'head_of_government', of: 'country:xx', from: '2016-09', to: '2018-04', source: 'list' },
    {
      role: 'head_of_government',
      of: 'country:xx',
      from: '2018-04-23',
      to: '2018-05-08',
      source: 'list',
      note: 'acting',
    },
  ]);
});

test('rejects bad roles: unknown role, bad date, end before start, no source', () => {
  assert.throws(() => roles('per:a\tking\tcountry:xx\t2016\t\tlist'), /unknown role king/);
  assert.throws(() => roles('per:a\thead_of_state\tcountry:xx\t2016-13\t\tlist'), /bad date 2016-13/);
  assert.throws(() => roles('per:a\thead_of_state\tcountry:xx\t2016-05-02\t2016-05-01\tlist'), /ends/);
  assert.throws(() => roles('per:a\thead_of_state\tcountry:xx\t2016'), /column source is empty/);
});

test('attaches roles to their persons and fails on roles of nobody', () => {
  const persons = curatedEntities(readTsv('id\tkind\ten\tar\nper:a\tperson\tA\tأ', 'persons.tsv'));
  const byPerson = roles('per:a\tforeign_minister\tcountry:xx\t2016\t\tlist');
  assert.equal(withRoles(persons, byPerson)[0]?.roles?.length, 1);
  assert.throws(() => withRoles([], byPerson), /no person per:a/);
});
