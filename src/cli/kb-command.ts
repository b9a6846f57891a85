// `marsad kb`: look entities up in the knowledge base (show, search, stats) and curate it (alias,
// merge). Curation goes to an append-only log outside models/ (src/kb/curation-log.ts), so a
// rebuild of the knowledge base keeps it; every subcommand reads the knowledge base with the log applied.

import type { Command } from 'commander';
import { fail } from '../core/errors.ts';
import { type CurationOutcome, curateAlias, curateMerge, nameLanguage } from '../kb/curate.ts';
import { curationPath, DEFAULT_CURATION_FILE, readCurationLog } from '../kb/curation-log.ts';
import { entityCard, entityLine } from '../kb/describe.ts';
import type { Entity, EntityType } from '../kb/entity.ts';
import { loadCuratedKnowledgeBase } from '../kb/knowledge-base.ts';
import { tidy } from '../kb/names.ts';
import { findEntities, searchEntities } from '../kb/search.ts';
import { formatStats, kbStats } from '../kb/stats.ts';
import type { Io } from './io.ts';

interface Common {
  curation?: string;
  json?: boolean;
}

const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export function registerKb(program: Command, io: Io): void {
  const kb = program
    .command('kb')
    .description('look up and curate the knowledge base the linker links names to')
    .addHelpText(
      'after',
      `
Curation (kb alias, kb merge) is appended to a log of JSON lines outside models/, so that
\`npm run build:kb\` never overwrites it; every kb subcommand, and loadCuratedKnowledgeBase,
applies it on top of the built knowledge base. The log is --curation FILE, else $MARSAD_CURATION,
else ./${DEFAULT_CURATION_FILE}.`,
    );
  const command = (name: string, description: string) =>
    kb
      .command(name)
      .description(description)
      .option(
        '--curation <file>',
        `the curation log (default: $MARSAD_CURATION, else ./${DEFAULT_CURATION_FILE})`,
      )
      .option('--json', 'print the result as JSON');

  command('show', 'an entity with its names, aliases, places, roles and identifiers')
    .argument(
      '<id-or-name>',
      'an id (per:sergey-lavrov; a merged id is followed) or a whole Arabic or English name',
    )
    .addHelpText('after', '\nSeveral entities with that name are listed; show one by its id.')
    .action((query: string, options: Common) => show(io, query, options));

  command('search', 'entities whose names contain QUERY, best first: exact, then prefix, then substring')
    .argument('<query>', 'part of a name, Arabic (compared by matching key) or English (any case)')
    .option('--type <type>', `only entities of this type: ${TYPES.join(', ')}`)
    .option('--limit <n>', 'list at most this many', '20')
    .action((query: string, options: Common & { type?: string; limit: string }) =>
      search(io, query, options),
    );

  command('alias', 'add NAME as another name of entity ID, in the curation log')
    .argument('<id>', 'the entity id')
    .argument('<name>', 'the new name, as news spells it')
    .option('--lang <lang>', 'ar or en (default: ar when NAME has Arabic letters, else en)')
    .action((id: string, name: string, options: Common & { lang?: string }) => alias(io, id, name, options));

  command('merge', 'merge entity FROM into INTO, in the curation log: INTO takes its names and roles')
    .argument('<from>', 'a provisional id from linker output (new:per:…) or a knowledge-base id')
    .argument('<into>', 'the id that stays')
    .addHelpText(
      'after',
      '\nAfterwards FROM resolves to INTO. Merging into itself or in a circle is refused.',
    )
    .action((from: string, into: string, options: Common) => merge(io, from, into, options));

  command('stats', 'entities by kind, offices by role, and the curation operations applied').action(
    (options: Common) => {
      const log = logOf(options);
      const stats = kbStats(loadCuratedKnowledgeBase({ curation: log }), readCurationLog(log), log);
      io.stdout.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    },
  );
}

const logOf = (options: Common) => options.curation ?? curationPath();
const json = (io: Io, value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

function nonEmpty(value: string, what: string): string {
  const text = tidy(value);
  if (text === '') throw fail('BAD_OPTION', `${what} is empty`);
  return text;
}

function show(io: Io, raw: string, options: Common): void {
  const query = nonEmpty(raw, 'the id or name');
  const log = logOf(options);
  const kb = loadCuratedKnowledgeBase({ curation: log });
  const entities = findEntities(kb, query);
  if (entities.length === 0) throw fail('UNKNOWN_ENTITY', `"${query}"`);
  const resolved = kb.resolve(query);
  if (options.json) {
    json(io, { query, ...(resolved !== query ? { resolved } : {}), entities });
    return;
  }
  if (resolved !== query) io.stdout.write(`${query} was merged into ${resolved}\n`);
  if (entities.length > 1) {
    io.stdout.write(`${entities.length} entities are called "${query}"; show one by its id:\n`);
    io.stdout.write(entities.map((e) => `  ${entityLine(e)}\n`).join(''));
    return;
  }
  const entity = entities[0]!;
  const mergedFrom = readCurationLog(log).flatMap((op) =>
    op.op === 'merge' && kb.resolve(op.from) === entity.id ? [op.from] : [],
  );
  io.stdout.write(entityCard(entity, kb, [...new Set(mergedFrom)]));
}

function search(io: Io, raw: string, options: Common & { type?: string; limit: string }): void {
  const query = nonEmpty(raw, 'the search query');
  const type = options.type?.toUpperCase() as EntityType | undefined;
  if (type !== undefined && !TYPES.includes(type))
    throw fail('BAD_OPTION', `--type must be one of ${TYPES.join(', ')}, not "${options.type}"`);
  if (!/^[1-9]\d*$/.test(options.limit)) throw fail('BAD_OPTION', '--limit must be a positive whole number');
  const kb = loadCuratedKnowledgeBase({ curation: logOf(options) });
  const hits = searchEntities(kb, query, { limit: Number(options.limit), ...(type ? { type } : {}) });
  if (options.json) {
    json(
      io,
      hits.map(({ entity: e, match, name }) => ({
        id: e.id,
        type: e.type,
        kind: e.kind,
        name: e.name,
        match,
        matched: name,
      })),
    );
  } else if (hits.length === 0) io.stdout.write(`no entity has a name containing "${query}"\n`);
  else io.stdout.write(hits.map((h) => `${entityLine(h.entity)}  (${h.match}: ${h.name})\n`).join(''));
}

function report(
  io: Io,
  log: string,
  options: Common,
  outcome: CurationOutcome,
  done: string,
  kept: string,
): void {
  if (options.json) json(io, { written: outcome.written, log, op: outcome.op });
  else io.stdout.write(outcome.written ? `${done}; logged in ${log}\n` : `${kept}; nothing written\n`);
}

function alias(io: Io, id: string, rawName: string, options: Common & { lang?: string }): void {
  const name = nonEmpty(rawName, 'the alias NAME');
  const lang = options.lang ?? nameLanguage(name);
  if (lang !== 'ar' && lang !== 'en')
    throw fail('BAD_OPTION', `--lang must be ar or en, not "${options.lang}"`);
  const log = logOf(options);
  const outcome = curateAlias(log, id, name, lang);
  const { target } = outcome;
  report(
    io,
    log,
    options,
    outcome,
    `added ${lang} alias "${name}" to ${label(target)}`,
    `"${name}" is already a name of ${target.id}`,
  );
}

function merge(io: Io, from: string, into: string, options: Common): void {
  const log = logOf(options);
  const outcome = curateMerge(log, from, into);
  const { target } = outcome;
  report(
    io,
    log,
    options,
    outcome,
    `merged ${from} into ${label(target)}`,
    `${from} is already merged into ${target.id}`,
  );
}

const label = (e: Entity) => `${e.id} (${e.name.ar} · ${e.name.en})`;
