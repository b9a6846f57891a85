// A NerToken for tests: a plain word whose key and form are `form`, in no list, cluster or document,
// with `more` overriding any field.

import type { NerToken } from './features.ts';

export function testToken(form: string, more: Partial<NerToken> = {}): NerToken {
  return {
    key: form,
    form,
    proclitics: '',
    kind: 'word',
    gazetteer: 0,
    clusters: undefined,
    nameScore: 0,
    nameType: '-',
    frequency: 0,
    silver: 0,
    ...more,
  };
}
