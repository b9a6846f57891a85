// The lookup keys of a knowledge-base name: its matching key (src/text/normalize.ts), and for a name
// written with the article ال the key without it too, so that روسي finds الروسي's country and
// كومنولث finds الكومنولث. The loader indexes entities under these keys and the build uses them to
// tell when a city name collides with a country's.

import { matchKey } from '../text/normalize.ts';
import { tidy } from './names.ts';

const ARTICLE = 'ال';

/** The key of the name, then (when it starts with a bare ال and keeps two letters after it) the key without it. */
export function aliasKeys(name: string): string[] {
  const surface = tidy(name);
  const key = matchKey(surface);
  if (!surface.startsWith(ARTICLE) || surface.length < ARTICLE.length + 2) return [key];
  return [key, matchKey(surface.slice(ARTICLE.length))];
}
