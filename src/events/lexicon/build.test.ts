import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTriggerRows, requiredKeys } from './build.ts';

const MAPPING = `03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
040: CONSULT, ,  # Consult
100: REQUEST,  ,  # REQUEST
110: ACCUSE, disapprove,    # Disapprove
120: REJECT,  ,    # Reject
123: REJECT, change, political_institutions # Reject request or demand for political reform
124: REJECT, change,    # Decline to yield
141: PROTEST, demo,               # Demonstrate or rally
190: ASSAULT, , military # Use conventional military force
`;

const DICTIONARY = `####### SYNONYM SETS #######
&NEGOTIATION
+حوار_
+نقاش_

####### VERB PATTERNS #######
--- رفض [120] ---
رفض                   [120]     # refuse,deny,reject
- * مطالبة [123] # رفض

--- قاوم [124] ---
هاجم                  [124]     # attack
- * (على مقر) [190] # هاجم

--- دعا [110] ---
دعا                   [110]     # invite
- * (إلى &NEGOTIATION)   [030]  # دعا
- * مظاهرة [141] # نظم
`;

const CURATED = `cue	pos	type	mode	context	cameo	requires	imperfect	note
دعا	verb	REQUEST			100
اجتماع	noun	CONSULT			040
تم اعتماد	verb	AGREE			030
عقد	verb	CONSULT			040	اجتماع|قمة
`;

const build = (curated = CURATED) => buildTriggerRows({ dictionary: DICTIONARY, mapping: MAPPING, curated });
const readings = (lines: readonly string[], key: string) =>
  lines.filter((l) => l.split('\t')[0] === key).map((l) => l.split('\t').slice(1).join(' ').trim());

test('a dictionary verb keeps its code when its gloss names the code type, in every inflected form', () => {
  const { lines } = build();
  for (const form of ['رفض', 'رفضت', 'رفضوا', 'يرفض', 'ترفض', 'يرفضون'])
    assert.ok(readings(lines, form).includes('verb REJECT   120 cameo'), form);
});

test('a dictionary verb whose code names another type than its gloss is left out: هاجم "attack" is not 124 REJECT', () => {
  const { lines, report } = build();
  assert.deepEqual(
    readings(lines, 'هاجم').filter((r) => r.includes('REJECT')),
    [],
  );
  assert.equal(report.dropped['verb: gloss does not name the type of its code'], 2); // هاجم 124, دعا 110 (invite)
  // Its pattern, which names an object, stays.
  assert.deepEqual(readings(lines, 'هاجموا'), ['verb ASSAULT  military 190 cameo مقر']);
});

test('a pattern gives the verb its object as a requirement, with the plural and duals of a noun in ة', () => {
  const { lines } = build();
  assert.ok(
    readings(lines, 'رفض').includes(
      'verb REJECT change political_institutions 123 cameo مطالبات,مطالبتان,مطالبتين,مطالبه',
    ),
  );
  assert.ok(readings(lines, 'يدعو').includes('verb AGREE  diplomatic 030 cameo حوار,نقاش'));
  assert.deepEqual(requiredKeys('وثيقة'), ['وثيقه', 'وثيقات', 'وثيقتان', 'وثيقتين']);
  assert.deepEqual(requiredKeys('الحوار'), ['حوار']);
});

test('a pattern written for a verb its block does not hold is left out', () => {
  const { lines, report } = build();
  assert.equal(report.dropped["pattern: names none of its block's verbs"], 1); // مظاهرة # نظم
  assert.deepEqual(
    lines.filter((l) => l.includes('PROTEST')),
    [],
  );
});

test('a curated row overrides the dictionary bare reading of the same word, not its patterns', () => {
  const { lines } = build();
  assert.deepEqual(readings(lines, 'دعت'), [
    'verb AGREE  diplomatic 030 cameo حوار,نقاش',
    'verb REQUEST   100 curated',
  ]);
});

test('curated phrases inflect their first word when it is a verb; requirements take their plurals', () => {
  const { lines } = build();
  for (const first of ['تم', 'تمت', 'يتم', 'تتم'])
    assert.deepEqual(readings(lines, `${first} اعتماد`), ['verb AGREE   030 curated']);
  assert.deepEqual(readings(lines, 'يعقد'), ['verb CONSULT   040 curated اجتماع,قمات,قمتان,قمتين,قمه']);
});

test('a curated row that does not follow the manual fails the build with its line', () => {
  assert.throws(
    () => build('cue\tpos\ttype\tmode\nهجوم\tnoun\tASSAULT\tbombing\n'),
    /nominal.tsv:2: bombing is not a mode of ASSAULT/,
  );
  assert.throws(
    () => build('cue\tpos\ttype\tmode\tcontext\nهجوم\tnoun\tASSAULT\t\twar\n'),
    /war is not a PLOVER context/,
  );
  assert.throws(
    () => build('cue\tpos\ttype\tmode\tcontext\tcameo\nهجوم\tnoun\tASSAULT\t\t\t040\n'),
    /CAMEO 040 maps to CONSULT, not ASSAULT/,
  );
});

test('the same sources build the same sorted lines', () => {
  const a = build().lines;
  assert.deepEqual(build().lines, a);
  assert.deepEqual([...a].sort(), a);
});
