// The index terms both sides of search agree on: a word's light stem made into exactly one FTS
// token, and one token per linked entity. The index (index-document.ts) and the query parser
// (query.ts) both go through here, so a stem written to the index is the stem a query asks for.

/**
 * A light stem (already in key spelling) as one index token: only letters and digits survive, so
 * the FTS tokenizer never splits it (COVID-19 → covid19) and the space-joined index text keeps one
 * word per token, which is what lets a highlighted word be mapped back to its offsets. Empty when
 * nothing is left; such a word is not indexed.
 */
export function indexTerm(stem: string): string {
  // Most stems are Arabic letters only, which the rule keeps as they are: a check of their codes costs
  // a fraction of the replacement (every word of every article is indexed).
  return isKeptAsIs(stem) ? stem : stem.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** Whether `s` is made of letters and digits lower-casing leaves alone: Arabic letters, 0–9, a–z. */
function isKeptAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const kept =
      (c >= 0x0621 && c <= 0x063a) ||
      (c >= 0x0641 && c <= 0x064a) ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x61 && c <= 0x7a);
    if (!kept) return false;
  }
  return true;
}

/**
 * The token of an entity id: `e_` and the id with every non-alphanumeric as `_`
 * (per:sergey-lavrov → e_per_sergey_lavrov). The FTS table declares `_` a token character, so the
 * whole id is one token, and it lives in a column of its own, so no word of the text can match it.
 */
export function entityToken(id: string): string {
  return `e_${id.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}
