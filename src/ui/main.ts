// The entry of the browser bundle: the page shell (skip link, header with navigation, search and the
// language toggle, main), the hash router that renders one page per route, and the keyboard
// shortcut `/` for the search box. Each navigation aborts the previous page's requests.

import { createApi } from './api.ts';
import type { PageContext, PageView } from './context.ts';
import { h } from './dom.ts';
import { createEntityDirectory } from './entity-directory.ts';
import { DEFAULT_LANG, directionOf, isLang, type LabelKey, type Lang, translator } from './i18n.ts';
import { analyzePage } from './pages/analyze.ts';
import { articlePage } from './pages/article.ts';
import { entityPage } from './pages/entity.ts';
import { eventsPage } from './pages/events.ts';
import { homePage } from './pages/home.ts';
import { notFoundPage } from './pages/not-found.ts';
import { searchPage } from './pages/search.ts';
import { parseRoute, type Route, searchHref } from './route.ts';

const LANG_KEY = 'marsad.lang';

const api = createApi((input, init) => fetch(input, init));
const entities = createEntityDirectory((id) => api.entity(id));

let lang: Lang = storedLang();
let current: AbortController | undefined;
let shell: Shell;

interface Shell {
  readonly main: HTMLElement;
  readonly searchInput: HTMLInputElement;
  readonly navLinks: readonly HTMLAnchorElement[];
  readonly langToggle: HTMLButtonElement;
}

function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG; // storage can be off (private modes, policies): the default still works
  }
}

function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
  mount();
  // The same view in the other language: no scroll, and focus back on the (new) toggle.
  render({ initial: true });
  shell.langToggle.focus();
}

/** The page for a route, and the label its document title starts with. */
function pageFor(route: Route): { view: PageView; title: LabelKey } {
  switch (route.name) {
    case 'home':
      return { view: homePage, title: 'appTagline' };
    case 'search':
      return { view: (ctx) => searchPage(ctx, route.params), title: 'searchTitle' };
    case 'events':
      return { view: (ctx) => eventsPage(ctx, route.params), title: 'eventsTitle' };
    case 'analyze':
      return { view: analyzePage, title: 'analyzeTitle' };
    case 'article':
      return { view: (ctx) => articlePage(ctx, route.id), title: 'article' };
    case 'entity':
      return { view: (ctx) => entityPage(ctx, route.id), title: 'entityTitle' };
    case 'not-found':
      return { view: notFoundPage, title: 'notFound' };
  }
}

/** Builds the shell in the current language (again after a language switch). */
function mount(): void {
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);

  const main = h('main', { id: 'main', tabindex: -1, class: 'main' });
  const searchInput = h('input', {
    id: 'site-search',
    type: 'search',
    name: 'q',
    dir: 'auto',
    autocomplete: 'off',
    placeholder: t('searchPlaceholder'),
    'data-testid': 'search-input',
  });
  const searchForm = h(
    'form',
    { class: 'site-search', role: 'search', 'data-testid': 'search-form' },
    h('label', { for: 'site-search', class: 'visually-hidden' }, t('searchLabel')),
    searchInput,
    h('button', { type: 'submit' }, t('searchButton')),
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const route = parseRoute(window.location.hash);
    // A new query keeps the filters of the search being refined, and starts at its first page.
    const { offset: _offset, q: _q, ...filters } = route.name === 'search' ? route.params : {};
    const q = searchInput.value.trim();
    navigate(searchHref(q ? { ...filters, q } : filters), { keepFocus: true });
  });
  const navItems: [string, LabelKey][] = [
    ['#/', 'navHome'],
    ['#/search', 'navSearch'],
    ['#/events', 'navEvents'],
    ['#/analyze', 'navAnalyze'],
  ];
  const navLinks = navItems.map(([href, label]) => h('a', { href, 'data-nav': href }, t(label)));
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  const langToggle = h(
    'button',
    {
      type: 'button',
      class: 'lang-toggle',
      lang: other,
      'data-testid': 'lang-toggle',
      onclick: () => setLang(other),
    },
    t('switchLanguage'),
  );
  const skip = h('a', { class: 'skip-link', href: '#main', 'data-testid': 'skip-link' }, t('skipToContent'));
  // The hash is the router's: the skip link moves focus itself instead of changing it.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  const header = h(
    'header',
    { class: 'site-header' },
    h(
      'a',
      { class: 'brand', href: '#/' },
      h('span', { class: 'brand__mark', 'aria-hidden': 'true' }, '◉'),
      t('appName'),
    ),
    h(
      'nav',
      { class: 'site-nav', 'aria-label': t('navLabel') },
      h(
        'ul',
        null,
        navLinks.map((link) => h('li', null, link)),
      ),
    ),
    searchForm,
    langToggle,
  );
  document.body.replaceChildren(skip, header, main);
  shell = { main, searchInput, navLinks, langToggle };
}

let keepFocusOnce = false;

function navigate(href: string, options: { keepFocus?: boolean } = {}): void {
  keepFocusOnce = options.keepFocus ?? false;
  if (window.location.hash === href) render({ initial: false });
  else window.location.hash = href;
}

function render({ initial }: { initial: boolean }): void {
  current?.abort();
  current = new AbortController();
  const route = parseRoute(window.location.hash);
  const t = translator(lang);
  const ctx: PageContext = { lang, t, api, entities, signal: current.signal };
  const { view, title } = pageFor(route);

  if (route.name === 'search') shell.searchInput.value = route.params.q ?? '';
  const section = `#/${route.name === 'home' ? '' : route.name}`;
  for (const link of shell.navLinks) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${t(title)} · ${t('appName')}`;
  shell.main.replaceChildren(view(ctx));

  const keepFocus = keepFocusOnce;
  keepFocusOnce = false;
  if (initial || keepFocus) return;
  // A new view: start reading at its heading (or the main region while it loads).
  window.scrollTo(0, 0);
  const heading = shell.main.querySelector<HTMLElement>('h1[tabindex]');
  (heading ?? shell.main).focus({ preventScroll: true });
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  event.preventDefault();
  shell.searchInput.focus();
  shell.searchInput.select();
});

window.addEventListener('hashchange', () => render({ initial: false }));

mount();
render({ initial: true });
