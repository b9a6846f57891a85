// What every page is given: the language and its labels, the API client, the shared entity names,
// and the signal that aborts the page's requests once the reader has moved on to another view.

import type { Api } from './api.ts';
import type { EntityDirectory } from './entity-directory.ts';
import type { Lang, Translate } from './i18n.ts';

export interface PageContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly api: Api;
  readonly entities: EntityDirectory;
  readonly signal: AbortSignal;
}

/** A page: builds its view at once and fills its sections as their requests answer. */
export type PageView = (ctx: PageContext) => Node;
