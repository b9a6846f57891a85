// A token with a field that a pass adds to it (the document memory, the place in a listed phrase):
// one object per token and value, so that caches keyed by the token object hit (emissions.ts).

import type { NerToken } from './features.ts';

const variants = new WeakMap<NerToken, Map<string, NerToken>>();

export function tokenWith(token: NerToken, field: 'document' | 'phrase', value: string): NerToken {
  let byValue = variants.get(token);
  if (!byValue) {
    byValue = new Map();
    variants.set(token, byValue);
  }
  const key = `${field}=${value}`;
  let variant = byValue.get(key);
  if (!variant) {
    // Not `{ ...token, [field]: value }`: V8 gives each object so spread a hidden class of its own
    // (tens of thousands of them, 16 MiB in a worker, and every read of a token's fields went slow).
    variant = Object.assign({}, token, { [field]: value });
    byValue.set(key, variant);
  }
  return variant;
}
