import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCameoToPlover } from './cameo-plover.ts';

// Lines as CAMEO2PLOVER-2021.txt writes them, spacing and comments included.
const SAMPLE = `# CAMEO to PLOVER conversion table
03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
0333: AGREE,  , humanitarian # Express intent to provide humanitarian aid
08: CONCEDE
081: CONCEDE,   ,   legal # Ease administrative sanctions
08: RETREAT
0841: RETREAT, release,   legal # Return, release person(s)
0813: RETREAT, ,   legal # Ease curfew  21.09.17: "ease" is no longer a mode
091: ACCUSE, investigate, crime; corruption # Investigate crime, corruption
110: ACCUSE, disapprove,    # Disapprove
143: PROTEST, boycott ,      # Conduct strike or boycott
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
186: ASSAULT, assassinate,    # Assassinate
019: ,  ,  # a row with no type
`;

test('reads type, mode and contexts, trimmed, contexts split at ;', () => {
  const table = readCameoToPlover(SAMPLE);
  assert.deepEqual(table.lookup('0841'), { type: 'RETREAT', mode: 'release', context: ['legal'] });
  assert.deepEqual(table.lookup('091'), {
    type: 'ACCUSE',
    mode: 'investigate',
    context: ['crime', 'corruption'],
  });
  assert.deepEqual(table.lookup('143'), { type: 'PROTEST', mode: 'boycott', context: [] });
  assert.deepEqual(table.lookup('110'), { type: 'ACCUSE', mode: 'disapprove', context: [] });
});

test('a code takes the mapping of its longest listed prefix', () => {
  const table = readCameoToPlover(SAMPLE);
  assert.equal(table.lookup('0311')?.type, 'AGREE'); // via 03
  assert.equal(table.lookup('0301')?.type, 'AGREE'); // via 030
  assert.equal(table.lookup('1101')?.type, 'ACCUSE'); // via 110
});

test('CAMEO 01 and 02, rows without a type and unknown codes map to nothing', () => {
  const table = readCameoToPlover(SAMPLE);
  assert.equal(table.lookup('010'), undefined);
  assert.equal(table.lookup('0233'), undefined);
  assert.equal(table.lookup('019'), undefined);
  assert.equal(table.lookup('99'), undefined);
});

test('the two-digit 08 names two types, so it maps neither; 08x codes keep their own rows', () => {
  const table = readCameoToPlover(SAMPLE);
  assert.equal(table.lookup('080'), undefined);
  assert.equal(table.lookup('081')?.type, 'CONCEDE');
  assert.equal(table.lookup('0841')?.type, 'RETREAT');
});

test('modes and contexts the manual does not know are dropped or renamed', () => {
  const table = readCameoToPlover(SAMPLE);
  // "ease" is in the table's comment only; an empty mode stays absent.
  assert.deepEqual(table.lookup('0813'), { type: 'RETREAT', context: ['legal'] });
  // humanitarian is human_security in the manual.
  assert.deepEqual(table.lookup('0333'), { type: 'AGREE', context: ['human_security'] });
});

test('codes mapped by hand follow the manual: sanctions are SANCTION discontinue, assassination targeted', () => {
  const table = readCameoToPlover(SAMPLE);
  assert.deepEqual(table.lookup('163'), { type: 'SANCTION', mode: 'discontinue', context: ['economic'] });
  assert.deepEqual(table.lookup('186'), { type: 'ASSAULT', mode: 'targeted', context: [] });
});

test('a type outside PLOVER is an error, not a silent row', () => {
  assert.throws(() => readCameoToPlover('10: DEMAND\n'), /DEMAND/);
});
