// Tagging: ANERcorp-style tokens (training, evaluation) or a Doc's tokens (analysis) through the same
// features and model; mentions come out as spans of the article text.

import { BoundedMap } from '../core/bounded-map.ts';
import type { Doc, EntityType, Mention, Token, TokenKind } from '../core/doc.ts';
import { entitySpans } from '../eval/conll.ts';
import { createWordShaper } from '../text/clitics.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { matchKey } from '../text/normalize.ts';
import { loadClusters } from './clusters.ts';
import { documentMemory, memoryTypes, withDocumentMemory } from './document.ts';
import { createDocumentScorer, type DocumentScorer } from './emissions.ts';
import type { NerToken } from './features.ts';
import { loadGazetteer } from './gazetteer.ts';
import { loadNerTagger, type NerTagger, tagSentence } from './model.ts';
import { loadNameLikeness } from './namelike.ts';
import { createNerTokens, MEMO_LIMIT, type NerResources, nerToken } from './ner-tokens.ts';
import { viterbi } from './perceptron.ts';
import { loadPhraseGazetteer } from './phrases.ts';
import { loadSilverNames } from './silver.ts';

export function defaultNerResources(): NerResources {
  return {
    lexicon: loadLexicon(),
    gazetteer: loadGazetteer(),
    clusters: loadClusters(),
    silver: loadSilverNames(),
    namelike: loadNameLikeness(),
  };
}

/** The resources with the phrase gazetteer when the tagger's models read it (an opt-in group), without otherwise. */
function resourcesFor(tagger: NerTagger, resources: NerResources): NerResources {
  const wanted = tagger.local.groups.has('phrases') || tagger.global.groups.has('phrases');
  if (wanted === (resources.phrases !== undefined)) return resources;
  if (wanted) return { ...resources, phrases: loadPhraseGazetteer() };
  const { phrases: _unused, ...rest } = resources;
  return rest;
}

/** Sentences of a corpus without document marks are read as documents of this many sentences. */
export const DOCUMENT_SENTENCES = 25;

/** Tags one document: a first pass on local features, then a second that also reads what the first said elsewhere. */
export function tagDocument(tagger: NerTagger, sentences: readonly (readonly NerToken[])[]): string[][] {
  const scorer = documentScorerOf(tagger);
  if (!scorer) {
    const first = sentences.map((s) => tagSentence(tagger.local, s));
    return withDocumentMemory(sentences, first).map((s) => tagSentence(tagger.global, s));
  }
  // The same tags as above, from one record per token for both passes and no token per memory.
  const { local, global } = tagger;
  scorer.load(sentences);
  const first = sentences.map((s, k) => viterbi(local, scorer.first(k), s.length));
  const types = memoryTypes(local.labels);
  const memory = documentMemory(sentences, (s, i) => types[first[s]![i]!]!);
  return sentences.map((s, k) =>
    viterbi(global, scorer.second(k, memory[k]!), s.length).map((y) => global.labels[y]!),
  );
}

const documentScorers = new WeakMap<NerTagger, DocumentScorer | null>();
function documentScorerOf(tagger: NerTagger): DocumentScorer | undefined {
  let scorer = documentScorers.get(tagger);
  if (scorer === undefined) {
    scorer = createDocumentScorer(tagger.local, tagger.global) ?? null;
    documentScorers.set(tagger, scorer);
  }
  return scorer ?? undefined;
}

/** A function from a corpus's pre-split sentences (a CoNLL file's) to IOB2 tags. */
export function createCorpusTagger(tagger: NerTagger = loadNerTagger(), resources = defaultNerResources()) {
  const toNer = nerTokensOfStrings(resourcesFor(tagger, resources));
  return (sentences: readonly (readonly string[])[]): string[][] => {
    const tags: string[][] = [];
    for (let s = 0; s < sentences.length; s += DOCUMENT_SENTENCES)
      tags.push(...tagDocument(tagger, sentences.slice(s, s + DOCUMENT_SENTENCES).map(toNer)));
    return tags;
  };
}

/** Pre-split tokens as the tagger sees them: each is shaped like a word of the text layer. */
export function nerTokensOfStrings(resources: NerResources): (tokens: readonly string[]) => NerToken[] {
  const shape = createWordShaper(resources.lexicon);
  const memo = new BoundedMap<string, NerToken>(MEMO_LIMIT);
  const { phrases } = resources;
  return (tokens) => {
    const sentence = tokens.map((surface) => {
      let token = memo.get(surface);
      if (!token) {
        const key = matchKey(surface);
        const kind = kindOf(surface);
        token = memo.set(
          surface,
          nerToken(surface, key, kind, kind === 'word' ? shape(surface, key) : null, resources),
        );
      }
      return token;
    });
    return phrases ? phrases.mark(sentence) : sentence;
  };
}

function kindOf(surface: string): TokenKind {
  if (/\p{L}/u.test(surface)) return 'word';
  if (/\p{Nd}/u.test(surface)) return 'number';
  return /^\p{P}+$/u.test(surface) ? 'punct' : 'symbol';
}

const memos = new WeakMap<NerResources, ReturnType<typeof createNerTokens>>();
function nerTokensFor(resources: NerResources): ReturnType<typeof createNerTokens> {
  let memo = memos.get(resources);
  if (!memo) {
    memo = createNerTokens(resources);
    memos.set(resources, memo);
  }
  return memo;
}

/** The mentions of an analysed article: the article is the document. */
export function findMentions(
  doc: Pick<Doc, 'article' | 'tokens' | 'words' | 'sentences'>,
  tagger: NerTagger = loadNerTagger(),
  resources = defaultNerResources(),
): Mention[] {
  const { text } = doc.article;
  const bySentence: { first: number; tokens: readonly Token[] }[] = [];
  let t = 0;
  for (const sentence of doc.sentences) {
    const first = t;
    while (t < doc.tokens.length && doc.tokens[t]!.end <= sentence.end) t++;
    bySentence.push({ first, tokens: doc.tokens.slice(first, t) });
  }
  const { phrases } = resourcesFor(tagger, resources);
  const toNer = nerTokensFor(resources);
  const ner = bySentence.map(({ first, tokens }) => {
    const sentence = tokens.map((token, i) =>
      toNer(text, token.start, token.end, token.norm, token.kind, doc.words[first + i] ?? null),
    );
    return phrases ? phrases.mark(sentence) : sentence;
  });
  const mentions: Mention[] = [];
  tagDocument(tagger, ner).forEach((tags, s) => {
    const { tokens } = bySentence[s]!;
    for (const { type, start, end } of entitySpans(tags)) {
      const from = tokens[start]!.start;
      const to = tokens[end - 1]!.end;
      mentions.push({
        start: from,
        end: to,
        text: text.slice(from, to),
        type: type as EntityType,
        entity: null,
      });
    }
  });
  return mentions;
}
