// Analyse a pasted text without storing it (POST /api/analyze) and read the result in the reader.

import { articleView } from '../components/article-view.ts';
import { fillLater } from '../components/status.ts';
import type { PageContext } from '../context.ts';
import { h, uniqueId } from '../dom.ts';

export function analyzePage(ctx: PageContext): Node {
  const textId = uniqueId('analyze-text');
  const titleId = uniqueId('analyze-title');
  const dateId = uniqueId('analyze-date');
  const output = h('div', { class: 'analyze__output' });
  const form = h(
    'form',
    { class: 'analyze', 'data-testid': 'analyze-form' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: titleId }, ctx.t('analyzeTitleField')),
      h('input', { id: titleId, name: 'title', lang: 'ar', dir: 'rtl' }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: dateId }, ctx.t('analyzeDate')),
      h('input', { id: dateId, name: 'publishedAt', type: 'date' }),
    ),
    h(
      'div',
      { class: 'field field--wide' },
      h('label', { for: textId }, ctx.t('analyzeText')),
      h('textarea', {
        id: textId,
        name: 'text',
        rows: 10,
        required: true,
        lang: 'ar',
        dir: 'rtl',
        'data-testid': 'analyze-text',
      }),
    ),
    h('button', { type: 'submit' }, ctx.t('analyzeButton')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const title = field('title');
    const publishedAt = field('publishedAt');
    output.setAttribute('aria-busy', 'true');
    fillLater(ctx, output, async () => {
      const analysis = await ctx.api.analyze(
        {
          text: String(data.get('text') ?? ''),
          ...(title && { title }),
          ...(publishedAt && { publishedAt }),
        },
        ctx.signal,
      );
      const heading = h(
        'h2',
        { lang: 'ar', dir: 'rtl', 'data-testid': 'article-title' },
        analysis.article.title ?? '',
      );
      return articleView(ctx, analysis, analysis.article.title ? heading : null);
    });
  });
  return h(
    'div',
    { class: 'page page--analyze' },
    h('h1', { tabindex: -1 }, ctx.t('analyzeTitle')),
    h('p', null, ctx.t('analyzeIntro')),
    form,
    output,
  );
}
