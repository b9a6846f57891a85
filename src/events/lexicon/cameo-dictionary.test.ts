import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCameoDictionary, parsePattern } from './cameo-dictionary.ts';

// A cut of CAMEO.ar.0.5.txt, in its own layout (trailing spaces, aligned codes and all).
const SAMPLE = `# LAST UPDATED: 10 August 2018

####### SYNONYM SETS ####### 

&NEGOTIATION
+مفاوضة_
+حوار_
+نقاش_
+محادثات_سلام_

&DETENTION
+احتجاز_
+اعتقال_


####### VERB PATTERNS ####### 
--- رفض [128] ---
رفض                   [128]     # rebuff
- * طلب [123] # رفض
- * مطالبة [123] # رفض
 
 
--- دعا [110] ---
طلب                   [110]     # ask
دعا                   [110]     # invite
رجا                   [020]     # ask
رحب+ب                           # invite
- * (لل &NEGOTIATION)   [030]  # دعا,رحب+ب
- * مقاتل [036] # دعا,رحب+ب
- * (لسماح) [025] # طلب,رجا,استرفد,سأل
- * {موعد نهائي} [139] # دعا
- * احتجاج ل [051] # دعا
- خلف * &WEAPON [190] # دعا
 
 
--- بدا [---] ---
بدأ                             # appear,look
سعى+إلى                         # look
وضع هوو                         # put,place
- *(في محكمة) [173] # بدا,ظهر
`;

test('reads synonym sets: single-word members in key spelling, phrases left out', () => {
  const d = parseCameoDictionary(SAMPLE);
  assert.deepEqual(d.synsets.get('&NEGOTIATION'), ['مفاوضه', 'حوار', 'نقاش']);
  assert.deepEqual(d.synsets.get('&DETENTION'), ['احتجاز', 'اعتقال']);
});

test('reads blocks, verbs with their own or the block code, and verb+particle lines', () => {
  const d = parseCameoDictionary(SAMPLE);
  assert.deepEqual(
    d.blocks.map((b) => [b.head, b.code]),
    [
      ['رفض', '128'],
      ['دعا', '110'],
      ['بدا', undefined],
    ],
  );
  const call = d.blocks[1]!;
  assert.deepEqual(
    call.verbs.map((v) => [v.lemma, v.particles, v.code]),
    [
      ['طلب', [], '110'],
      ['دعا', [], '110'],
      ['رجا', [], '020'],
      ['رحب', ['ب'], '110'], // no code of its own: the block's
    ],
  );
  const look = d.blocks[2]!;
  assert.deepEqual(
    look.verbs.map((v) => [v.lemma, v.particles, v.code]),
    [
      ['بدأ', [], undefined],
      ['سعى', ['الي'], undefined],
    ],
  );
  assert.equal(d.counts.dropped['verb: several words'], 1); // وضع هوو
});

test('keeps patterns whose object is a noun, a set, or a preposition with one; sets are expanded', () => {
  const d = parseCameoDictionary(SAMPLE);
  const [refuse, call, look] = d.blocks;
  assert.deepEqual(
    refuse!.patterns.map((p) => [p.code, p.objects, p.verbs]),
    [
      ['123', [{ noun: 'طلب' }], ['رفض']],
      ['123', [{ noun: 'مطالبه' }], ['رفض']],
    ],
  );
  assert.deepEqual(call!.patterns[0]!.objects, [
    { prep: 'ل', noun: 'مفاوضه' },
    { prep: 'ل', noun: 'حوار' },
    { prep: 'ل', noun: 'نقاش' },
  ]);
  assert.deepEqual(call!.patterns[0]!.verbs, ['دعا', 'رحب+ب']);
  // A preposition written onto its noun: (لسماح) is ل + سماح.
  assert.deepEqual(call!.patterns[2]!.objects, [{ prep: 'ل', noun: 'سماح' }]);
  assert.deepEqual(look!.patterns[0]!.objects, [{ prep: 'في', noun: 'محكمه' }]);
});

test('drops noun phrases, loose word pairs and words before the verb, and counts why', () => {
  const d = parseCameoDictionary(SAMPLE);
  assert.equal(d.blocks[1]!.patterns.length, 3);
  assert.equal(d.counts.patternLines, 9);
  assert.equal(d.counts.patternsKept, 6);
  assert.equal(d.counts.dropped['pattern: noun phrase'], 1);
  assert.equal(d.counts.dropped['pattern: several object words'], 1);
  assert.equal(d.counts.dropped['pattern: words before the verb'], 1);
});

test('a pattern naming an unknown set, or without a code, is dropped', () => {
  assert.equal(parsePattern('- * &NOSUCHSET [190] # x', new Map()), 'unknown synonym set');
  assert.equal(parsePattern('- * هجوم # x', new Map()), 'no code');
});
