import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PLOVER_TYPES } from '../../core/doc.ts';
import { readModelFile } from '../../core/model-files.ts';
import { matchKey } from '../../text/normalize.ts';
import { PLOVER_CONTEXTS, PLOVER_MODES } from './cameo-plover.ts';
import {
  createTriggerLexicon,
  formatTriggerRow,
  loadTriggers,
  parseTriggerRow,
  TRIGGERS_FILE,
  triggerKeys,
  triggerReadings,
} from './triggers.ts';

const key = (written: string) => triggerKeys(matchKey(written));

test('a word is tried whole first, then without و/ف, without the article or a preposition, without the future س', () => {
  assert.deepEqual(key('وسيعقد'), ['وسيعقد', 'سيعقد', 'يعقد']);
  assert.deepEqual(key('والاجتماع').slice(0, 3), ['والاجتماع', 'الاجتماع', 'اجتماع']);
  assert.equal(key('بالهجوم')[1], 'هجوم');
  assert.equal(key('للاجتماع')[1], 'اجتماع');
  assert.equal(key('فأدان')[1], 'ادان');
});

test('letters that only look like clitics stay when too little would be left: وقع، فرض، بحث', () => {
  assert.deepEqual(key('وقع'), ['وقع']);
  assert.deepEqual(key('فرض'), ['فرض']);
  assert.deepEqual(key('سلم'), ['سلم']);
});

test('then without a pronoun (تضامنهم، زيارته، التقاه) or a noun tanwin alef (هجوماً، اتصالاً)', () => {
  assert.ok(key('تضامنهم').includes('تضامن'));
  assert.ok(key('وزيارته').includes('زياره'));
  assert.ok(key('التقاه').includes('التقي'));
  assert.ok(key('هجوماً').includes('هجوم'));
  assert.ok(key('اتصالاً').includes('اتصال'));
});

test('readings say which part of speech a clitic leaves: ال and ب a noun, س a verb', () => {
  assert.deepEqual(triggerReadings('بالهجوم')[1], { key: 'هجوم', pos: 'noun' });
  assert.deepEqual(triggerReadings('ستعقد').at(-1), { key: 'تعقد', pos: 'verb' });
  assert.deepEqual(triggerReadings('ليجتمع')[1], { key: 'يجتمع' });
});

const SMALL = [
  'اجتماع\tnoun\tCONSULT\t\t\t040\tcurated\t',
  'رفض\tnoun\tREJECT\t\t\t120\tcurated\t',
  'رفض\tverb\tREJECT\tchange\tpolitical_institutions\t123\tcameo\tمطالبه',
  'رفض\tverb\tREJECT\t\t\t120\tcurated\t',
  'اتصال هاتفي\tnoun\tCONSULT\tphone\t\t041\tcurated\t',
  'عقد\tverb\tCONSULT\t\t\t040\tcurated\tاجتماع,قمه',
];

test('a row reads back as it was written', () => {
  for (const line of SMALL) {
    const { key: k, trigger } = parseTriggerRow(line);
    assert.equal(formatTriggerRow(k, trigger), line);
  }
});

test('lookup: curated readings first, a reading that needs an object before a bare one', () => {
  const lexicon = createTriggerLexicon(SMALL);
  assert.deepEqual(
    lexicon.lookup('رفض').map((t) => `${t.source} ${t.pos} ${t.cameo}`),
    ['curated noun 120', 'curated verb 120', 'cameo verb 123'],
  );
  assert.deepEqual(lexicon.lookup('عقد')[0]?.requires, ['اجتماع', 'قمه']);
  assert.deepEqual(lexicon.lookup('نعم'), []);
});

test('find reads a written word: the article keeps verb readings out (الرفض is the noun)', () => {
  const lexicon = createTriggerLexicon(SMALL);
  assert.deepEqual(
    lexicon.find('الرفض').map((t) => t.pos),
    ['noun'],
  );
  assert.equal(lexicon.find('والاجتماع')[0]?.type, 'CONSULT');
  assert.deepEqual(lexicon.find('قال'), []);
});

test('phrases are found by their first key, with every key', () => {
  const lexicon = createTriggerLexicon(SMALL);
  assert.deepEqual(lexicon.phrases('اتصال')[0]?.keys, ['اتصال', 'هاتفي']);
  assert.equal(lexicon.phrases('اتصال')[0]?.mode, 'phone');
  assert.deepEqual(lexicon.phrases('هاتفي'), []);
  assert.equal(lexicon.size, 4);
});

// ---- The shipped lexicon (models/triggers) ----

const lexicon = loadTriggers();
const first = (written: string) => lexicon.find(matchKey(written))[0];
const types = (written: string) => lexicon.find(matchKey(written)).map((t) => t.type);

test('the shipped lexicon: دعا → REQUEST, رفض → REJECT, هجوم → ASSAULT, انعقد → CONSULT', () => {
  assert.equal(first('دعا')?.type, 'REQUEST');
  assert.equal(first('رفض')?.type, 'REJECT');
  assert.equal(first('هجوم')?.type, 'ASSAULT');
  assert.equal(first('انعقد')?.type, 'CONSULT');
});

test('the shipped lexicon: عقوبات → SANCTION discontinue, اعتقل → COERCE arrest, أدان → ACCUSE disapprove', () => {
  assert.deepEqual([first('عقوبات')?.type, first('عقوبات')?.mode], ['SANCTION', 'discontinue']);
  assert.deepEqual([first('اعتقل')?.type, first('اعتقل')?.mode], ['COERCE', 'arrest']);
  assert.deepEqual([first('أدان')?.type, first('أدان')?.mode], ['ACCUSE', 'disapprove']);
  assert.equal(first('استنكرت')?.type, 'ACCUSE');
});

test('the shipped lexicon reads inflected and cliticised words as news writes them', () => {
  assert.equal(first('ودعت')?.type, 'REQUEST');
  assert.equal(first('يدعو')?.type, 'REQUEST');
  assert.equal(first('والاعتقالات')?.type, 'COERCE');
  assert.equal(first('بالهجوم')?.type, 'ASSAULT');
  assert.equal(first('الهجوم')?.type, 'ASSAULT');
  assert.equal(first('اجتمعوا')?.type, 'CONSULT');
  assert.equal(first('التقت')?.type, 'CONSULT');
  assert.equal(first('يلتقي')?.type, 'CONSULT');
  // سيعقد needs its meeting (يعقد الاجتماع القادم): عقد is also a contract and a decade.
  const holds = lexicon.find('سيعقد');
  assert.ok(holds.length > 0 && holds.every((t) => t.requires !== undefined));
  assert.deepEqual([holds[0]?.type, holds[0]?.source], ['CONSULT', 'curated']);
  assert.ok(holds[0]?.requires?.includes('اجتماع'));
});

test('the seed article: أعربوا … عن تضامنهم is SUPPORT; قاطعت … الاجتماعات is REJECT meet, a bare boycott PROTEST', () => {
  const expressed = lexicon.find(matchKey('أعربوا'));
  assert.ok(expressed.some((t) => t.type === 'SUPPORT' && t.requires?.includes('تضامن')));
  assert.ok(
    expressed.every((t) => t.requires !== undefined),
    'أعرب alone names no event',
  );
  assert.deepEqual(
    lexicon
      .find(matchKey('قاطعت'))
      .filter((t) => t.source === 'curated')
      .map((t) => `${t.type} ${t.mode}`),
    ['REJECT meet', 'PROTEST boycott'],
  );
  assert.ok(lexicon.find(matchKey('قاطعت'))[0]?.requires?.includes('اجتماعات'));
  assert.ok(types('التورط').includes('ACCUSE'));
  assert.equal(lexicon.phrases(matchKey('تم')).find((p) => p.keys[1] === 'اعتماد')?.type, 'AGREE');
});

test('the shipped lexicon: a phone call is CONSULT phone, however the phrase is written', () => {
  const call = lexicon.phrases('اتصال').find((p) => p.keys.join(' ') === 'اتصال هاتفي');
  assert.deepEqual([call?.type, call?.mode], ['CONSULT', 'phone']);
  // اتصالاً هاتفياً: each word is matched through its keys.
  assert.ok(key('هاتفياً').includes('هاتفي'));
});

test('every row of the shipped file has a PLOVER type, a manual mode and manual contexts', () => {
  const dir = fileURLToPath(new URL('../../../models/triggers/', import.meta.url));
  const lines = readModelFile(dir, TRIGGERS_FILE, 'rebuild')
    .split('\n')
    .filter((l) => l !== '');
  assert.ok(lines.length > 1000);
  for (const line of lines) {
    const { key: k, trigger } = parseTriggerRow(line);
    assert.ok((PLOVER_TYPES as readonly string[]).includes(trigger.type), line);
    assert.ok(trigger.mode === undefined || PLOVER_MODES[trigger.type].includes(trigger.mode), line);
    assert.ok(
      trigger.context.every((c) => PLOVER_CONTEXTS.has(c)),
      line,
    );
    assert.ok(
      k.split(' ').every((w) => /^[ء-ي]{2,}$/.test(w)),
      line,
    );
    assert.equal(formatTriggerRow(k, trigger), line);
  }
});
