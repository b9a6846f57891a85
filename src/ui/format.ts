// How values read in the UI: counts in the UI language, an entity by the name that language has,
// and outside links only where they are plain web addresses (an article's url is ingested data).

import type { EntityRef } from '../core/doc.ts';
import type { Lang } from './i18n.ts';

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** Counts and figures with grouping; Latin digits in both languages, like the ISO dates beside them. */
export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** The separator of an inline list: the Arabic comma in Arabic. */
export function listSeparator(lang: Lang): string {
  return lang === 'ar' ? '، ' : ', ';
}

/** The entity's name in the UI language; a provisional entity has only its Arabic one. */
export function entityName(entity: Pick<EntityRef, 'name'>, lang: Lang): string {
  return lang === 'en' && entity.name.en ? entity.name.en : entity.name.ar;
}

/** `url` when it is an http(s) address, else null: never a `javascript:` or `data:` link from data. */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The Wikidata page of an item id (`Q649`), or null for anything else. */
export function wikidataHref(id: string | undefined): string | null {
  return id && /^Q\d+$/.test(id) ? `https://www.wikidata.org/wiki/${id}` : null;
}

/** The first words of a long text, for a list entry that points at it. */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}
