import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entitySpans, evaluateNer, formatNerScores, readTagged, scoreNer, toIob2 } from './conll.ts';

const lines = (...rows: string[]) => rows.join('\n');

describe('readTagged', () => {
  test('reads token–tag pairs split by spaces or tabs, one sentence per blank-line block, CRLF too', () => {
    const text = 'قالَ O\r\nسيرغي\tB-PER\r\nلافروف \t I-PER\r\n\r\n\r\nموسكو B-LOC\r\n١٤٤ O\r\n';
    assert.deepEqual(readTagged(text), {
      sentences: [
        { tokens: ['قالَ', 'سيرغي', 'لافروف'], tags: ['O', 'B-PER', 'I-PER'] },
        { tokens: ['موسكو', '١٤٤'], tags: ['B-LOC', 'O'] },
      ],
      malformed: 0,
    });
  });

  test('splits after . ! ? and ؟ when the file has no blank line at all', () => {
    const text = lines('أعلن O', '. O', 'هل O', 'وصل O', '؟ O', 'نعم O', '! O', 'yes O', '? O', 'بقي O', '');
    assert.deepEqual(
      readTagged(text).sentences.map((s) => s.tokens),
      [['أعلن', '.'], ['هل', 'وصل', '؟'], ['نعم', '!'], ['yes', '?'], ['بقي']],
    );
  });

  test('keeps a run of full stops on the sentence they end, and lets a stray leading one open the next', () => {
    const text = lines('. O', 'المفرق B-LOC', '. O', '. O', 'ثم O', '. O');
    assert.deepEqual(
      readTagged(text).sentences.map((s) => s.tokens),
      [
        ['.', 'المفرق', '.', '.'],
        ['ثم', '.'],
      ],
    );
  });

  test('does not split at full stops when the file marks sentences with blank lines', () => {
    const text = lines('لمؤلفه O', 'د O', '. O', 'رفعت B-PER', '', 'ثم O');
    assert.deepEqual(
      readTagged(text).sentences.map((s) => s.tokens),
      [['لمؤلفه', 'د', '.', 'رفعت'], ['ثم']],
    );
  });

  test('converts IOB1 to IOB2: an I- that opens an entity or follows another type becomes B-', () => {
    const text = lines(
      'جورج I-PER',
      'بوش I-PER',
      'واشنطن I-LOC',
      'و O',
      'آل I-ORG',
      'ثاني B-ORG',
      'ثانٍ I-ORG',
    );
    assert.deepEqual(readTagged(text).sentences[0]!.tags, [
      'B-PER',
      'I-PER',
      'B-LOC',
      'O',
      'B-ORG',
      'B-ORG',
      'I-ORG',
    ]);
  });

  test('reads PERS as PER, uppercases tags, and keeps other type names as they are', () => {
    const text = lines('بوتين B-PERS', 'فلاديمير i-pers', 'الكرملين b-Gpe', 'ء o', 'الناتو B-NORP');
    assert.deepEqual(readTagged(text).sentences[0]!.tags, ['B-PER', 'I-PER', 'B-GPE', 'O', 'B-NORP']);
  });

  test('counts and skips lines that do not parse, ANERcorp’s `. Oالإصابة O` among them', () => {
    const text = lines(
      'أصيب O',
      '. Oالإصابة O',
      ' O',
      'وحيدة',
      'بيروت X-LOC',
      'بيروت B-',
      '\u200f O',
      'لبنان B-LOC',
      '. O',
    );
    assert.deepEqual(readTagged(text), {
      sentences: [{ tokens: ['أصيب', 'لبنان', '.'], tags: ['O', 'B-LOC', 'O'] }],
      malformed: 6,
    });
  });

  test('strips bidi marks and spaces around a token but keeps marks inside it', () => {
    const text = lines(
      '\u200f,\u200f O',
      '\u200e\u061cلبنان\u200f B-LOC',
      'عام\u200f2006 O',
      'الأمن\u200f1706 \u200f I-ORG',
      ' فيرسلاين B-PERS',
      '\u200f.\u200f O',
      'بعد O',
    );
    assert.deepEqual(readTagged(text).sentences, [
      {
        tokens: [',', 'لبنان', 'عام\u200f2006', 'الأمن\u200f1706', 'فيرسلاين', '.'],
        tags: ['O', 'B-LOC', 'O', 'B-ORG', 'B-PER', 'O'],
      },
      { tokens: ['بعد'], tags: ['O'] },
    ]);
  });

  test('reads nothing from empty input or blank lines', () => {
    assert.deepEqual(readTagged(''), { sentences: [], malformed: 0 });
    assert.deepEqual(readTagged('\n \n\t\n'), { sentences: [], malformed: 0 });
  });

  test('treats -DOCSTART- lines as document breaks, not as tokens', () => {
    const text = lines('-DOCSTART- O', '', 'القاهرة B-LOC', '', '-DOCSTART- -X- O O', 'عمّان B-LOC');
    assert.deepEqual(readTagged(text), {
      sentences: [
        { tokens: ['القاهرة'], tags: ['B-LOC'] },
        { tokens: ['عمّان'], tags: ['B-LOC'] },
      ],
      malformed: 0,
    });
  });
});

describe('entitySpans', () => {
  test('reads IOB2 spans, end exclusive', () => {
    assert.deepEqual(entitySpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC']), [
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 6 },
    ]);
  });

  test('starts a new entity at an I- without a matching entity before it, as conlleval does', () => {
    assert.deepEqual(entitySpans(['I-ORG', 'I-ORG', 'I-LOC', 'O', 'I-MISC']), [
      { type: 'ORG', start: 0, end: 2 },
      { type: 'LOC', start: 2, end: 3 },
      { type: 'MISC', start: 4, end: 5 },
    ]);
  });

  test('finds nothing in an empty or all-O sentence', () => {
    assert.deepEqual(entitySpans([]), []);
    assert.deepEqual(entitySpans(['O', 'O']), []);
  });
});

describe('toIob2', () => {
  test('makes every tag IOB2 and every unknown tag O', () => {
    assert.deepEqual(toIob2(['I-PERS', 'B-PERS', 'I-PERS', 'junk', 'I-PER']), [
      'B-PER',
      'B-PER',
      'I-PER',
      'O',
      'B-PER',
    ]);
  });
});

describe('scoreNer', () => {
  // Sentence 1: سيرغي لافروف is cut short (a miss and a false alarm), موسكو is right.
  // Sentence 2: الأمم المتحدة is right, مصر gets the wrong type, the MISC entity is missed.
  const gold = [
    ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
    ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'B-MISC'],
  ];
  const predicted = [
    ['B-PER', 'O', 'O', 'B-LOC', 'O'],
    ['B-ORG', 'I-ORG', 'O', 'B-ORG', 'O'],
  ];
  const close = (actual: number, expected: number) =>
    assert.ok(Math.abs(actual - expected) < 1e-12, `${actual}`);

  test('scores each type by exact entity match, with gold and predicted counts', () => {
    const { byType } = scoreNer(gold, predicted);
    assert.deepEqual(Object.keys(byType), ['LOC', 'MISC', 'ORG', 'PER']);
    assert.deepEqual(byType.LOC, {
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
      support: 2,
      predicted: 1,
      correct: 1,
    });
    assert.deepEqual(byType.ORG, {
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
      support: 1,
      predicted: 2,
      correct: 1,
    });
    assert.deepEqual(byType.MISC, { precision: 0, recall: 0, f1: 0, support: 1, predicted: 0, correct: 0 });
  });

  test('scores a partly overlapping entity as both a miss and a false alarm', () => {
    assert.deepEqual(scoreNer(gold, predicted).byType.PER, {
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
      predicted: 1,
      correct: 0,
    });
  });

  test('micro-averages over all entities and counts token accuracy over IOB2 tags', () => {
    const scores = scoreNer(gold, predicted);
    assert.equal(scores.overall.support, 5);
    assert.equal(scores.overall.predicted, 4);
    assert.equal(scores.overall.correct, 2);
    close(scores.overall.precision, 0.5);
    close(scores.overall.recall, 0.4);
    close(scores.overall.f1, 4 / 9);
    assert.equal(scores.tokens, 10);
    close(scores.tokenAccuracy, 0.7);
  });

  test('scores IOB1 and PERS predictions the same as their IOB2 form', () => {
    const iob1 = [
      ['I-PERS', 'O', 'O', 'I-LOC', 'O'],
      ['I-ORG', 'I-ORG', 'O', 'I-ORG', 'O'],
    ];
    assert.deepEqual(scoreNer(gold, iob1), scoreNer(gold, predicted));
  });

  test('gives a perfect score to the gold itself', () => {
    const scores = scoreNer(gold, gold);
    assert.equal(scores.overall.f1, 1);
    assert.equal(scores.tokenAccuracy, 1);
  });

  test('gives zeros, not NaN, for no sentences at all', () => {
    assert.deepEqual(scoreNer([], []), {
      overall: { precision: 0, recall: 0, f1: 0, support: 0, predicted: 0, correct: 0 },
      byType: {},
      tokens: 0,
      tokenAccuracy: 0,
    });
  });

  test('refuses predictions that do not line up with the gold', () => {
    assert.throws(() => scoreNer(gold, predicted.slice(1)), RangeError);
    assert.throws(() => scoreNer([['O', 'O']], [['O']]), /sentence 0: 1 predicted tags for 2 tokens/);
  });
});

describe('formatNerScores', () => {
  test('prints overall and per-type rows in percent with one decimal, like conlleval', () => {
    const table = formatNerScores(
      scoreNer(
        [
          ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
          ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'B-MISC'],
        ],
        [
          ['B-PER', 'O', 'O', 'B-LOC', 'O'],
          ['B-ORG', 'I-ORG', 'O', 'B-ORG', 'O'],
        ],
      ),
    );
    const rows = table.trimEnd().split('\n');
    assert.match(rows[0]!, /^10 tokens, token accuracy 70\.0%; 5 gold entities, 4 found, 2 correct$/);
    assert.deepEqual(rows[1]!.split(/\s+/), [
      'type',
      'precision',
      'recall',
      'F1',
      'gold',
      'found',
      'correct',
    ]);
    assert.deepEqual(rows[2]!.split(/\s+/), ['overall', '50.0', '40.0', '44.4', '5', '4', '2']);
    assert.deepEqual(rows[3]!.split(/\s+/), ['LOC', '100.0', '50.0', '66.7', '2', '1', '1']);
    assert.deepEqual(
      rows.slice(3).map((r) => r.split(/\s+/)[0]),
      ['LOC', 'MISC', 'ORG', 'PER'],
    );
  });

  test('prints a table for an empty evaluation too', () => {
    assert.match(formatNerScores(scoreNer([], [])), /overall\s+0\.0\s+0\.0\s+0\.0\s+0\s+0\s+0/);
  });
});

describe('evaluateNer', () => {
  const text = lines(
    'قال O',
    'سيرغي B-PERS',
    'لافروف I-PERS',
    '. O',
    'في O',
    'موسكو B-LOC',
    '. Oالإصابة O',
    '. O',
  );

  test('tags the sentences of the gold file, all at once and in order, and scores the tags', () => {
    const seen: string[][] = [];
    const result = evaluateNer(text, (sentences) =>
      sentences.map((tokens) => {
        seen.push([...tokens]);
        return tokens.map((t) => (t === 'موسكو' ? 'B-LOC' : 'O'));
      }),
    );
    assert.deepEqual(seen, [
      ['قال', 'سيرغي', 'لافروف', '.'],
      ['في', 'موسكو', '.'],
    ]);
    assert.equal(result.sentences, 2);
    assert.equal(result.tokens, 7);
    assert.equal(result.malformed, 1);
    assert.equal(result.scores.overall.correct, 1);
    assert.equal(result.scores.overall.support, 2);
    assert.equal(result.scores.byType.PER?.recall, 0);
    assert.equal(result.scores.tokenAccuracy, 5 / 7);
  });

  test('refuses a tagger that returns the wrong number of tags', () => {
    assert.throws(() => evaluateNer(text, (sentences) => sentences.map(() => ['O'])), RangeError);
  });
});
