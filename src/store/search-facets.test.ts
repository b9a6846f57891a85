import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { createAnalyzer } from '../pipeline/analyze.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { createTextAnalyzer } from '../text/text-layer.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteRepository } from './sqlite.ts';
import { migrateSqlite } from './sqlite-migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-facets-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLES = [
  { text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.', source: 'tass' },
  { text: 'ندد الرئيس الفرنسي إيمانويل ماكرون بالهجوم الذي استهدف قرية في جنوب لبنان.', source: 'afp' },
  { text: 'ارتفعت أسعار النفط في الأسواق العالمية اليوم.' },
];

/** Each article's facet values as the facet index holds them, through search_docs. */
function facetIndex(db: Database.Database): string[] {
  return db
    .prepare<[], { row: string }>(
      `SELECT d.article_id || ' ' || v.facet || '=' || v.value AS row
       FROM search_facets f JOIN search_docs d ON d.doc = f.doc JOIN facet_values v ON v.id = f.value_id
       ORDER BY row`,
    )
    .all()
    .map((r) => r.row);
}

test('migration 3 indexes the facets of the articles stored before it as saving indexes new ones', async () => {
  // Saved at the latest schema: the facet rows written with each article.
  const savedPath = join(dir, 'saved.db');
  const saved = openSqliteRepository(savedPath, { textAnalyzer: createTextAnalyzer(loadLexicon()) });
  await saved.migrate();
  const analyze = createAnalyzer();
  for (const { text, source } of ARTICLES) {
    const doc = analyze({ text });
    await saved.saveArticle({ doc, language: 'ar', contentHash: doc.article.id, ...(source && { source }) });
  }
  await saved.close();

  // The same rows written at schema 2, then migrated.
  const old = new Database(join(dir, 'old.db'));
  try {
    old.pragma('foreign_keys = ON');
    migrateSqlite(old, MIGRATIONS.slice(0, 2));
    old.exec(`ATTACH '${savedPath}' AS saved;
      INSERT INTO articles SELECT id, content_hash, language, source, url, title, published_at, text, simhash,
        duplicate_of, analysis, added_at FROM saved.articles ORDER BY rowid;
      INSERT INTO entities SELECT id, type, name_ar, name_en, kind, country, wikidata, geonames, lat, lon,
        provisional FROM saved.entities;
      INSERT INTO article_entities SELECT article_id, entity_id, mentions FROM saved.article_entities;
      INSERT INTO events SELECT id, article_id, type, mode, context, auxiliary, location_id, event_date,
        fatalities, injured, evidence_start, evidence_end, trigger_start, trigger_end, confidence
        FROM saved.events;
      INSERT INTO search_fts (article_id, positions, title, body, entities)
        SELECT article_id, positions, title, body, entities FROM saved.search_fts ORDER BY rowid;`);
    migrateSqlite(old);

    const savedIndex = new Database(savedPath, { readonly: true });
    const expected = facetIndex(savedIndex);
    savedIndex.close();
    assert.deepEqual(facetIndex(old), expected);
    for (const facet of ['source', 'entityType', 'country', 'eventType'])
      assert.ok(
        expected.some((row) => row.includes(` ${facet}=`)),
        `the fixture has ${facet} values`,
      );
    // search_docs ties every search row to its article.
    const tied = old
      .prepare<[], { n: number }>(
        'SELECT COUNT(*) AS n FROM search_docs d JOIN search_fts s ON s.rowid = d.doc AND s.article_id = d.article_id',
      )
      .get()!.n;
    assert.equal(tied, ARTICLES.length);
  } finally {
    old.close();
  }
});
