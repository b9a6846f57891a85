// The JSON Schemas of the API: they validate every request before a handler sees it (unknown
// parameters are refused, not dropped, so a misspelt filter is an error rather than a silent no-op)
// and they are the OpenAPI document (/openapi.json). Responses are described for the document, kept
// open (additionalProperties) so that adding a field to a stored type never strips it on the way out.

import { ENTITY_TYPES, PLOVER_TYPES } from '../core/doc.ts';
import { EXPORT_FORMATS } from '../events/export/format.ts';
import { MAX_LIMIT } from '../search/types.ts';

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
const ID = { type: 'string', minLength: 1, maxLength: 200 } as const;
const open = (description: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'object', description, properties, additionalProperties: true }) as const;

export const paging = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: ID },
  additionalProperties: false,
} as const;

export const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

export const entityRef = open('A canonical entity: id, type, Arabic and English names', {
  id: { type: 'string' },
  type: { type: 'string', enum: [...ENTITY_TYPES] },
  name: open('names', { ar: { type: 'string' }, en: { type: ['string', 'null'] } }),
});

export const page = (item: unknown) =>
  ({
    type: 'object',
    properties: { total: { type: 'integer' }, items: { type: 'array', items: item } },
    required: ['total', 'items'],
  }) as const;

export const searchQuery = {
  type: 'object',
  properties: {
    q: {
      type: 'string',
      maxLength: 1000,
      default: '',
      description: 'words, "phrases" and names, Arabic or English',
    },
    entity: ID,
    entityType: { type: 'string', enum: [...ENTITY_TYPES] },
    eventType: { type: 'string', enum: [...PLOVER_TYPES] },
    country: ID,
    source: ID,
    from: DAY,
    to: DAY,
    sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
    ...paging,
  },
  additionalProperties: false,
} as const;

export const eventFilterProperties = {
  type: { type: 'string', enum: [...PLOVER_TYPES] },
  actor: ID,
  recipient: ID,
  country: ID,
  articleId: ID,
  from: DAY,
  to: DAY,
} as const;

export const eventFilterQuery = {
  type: 'object',
  properties: eventFilterProperties,
  additionalProperties: false,
} as const;

export const eventListQuery = {
  type: 'object',
  properties: { ...eventFilterProperties, ...paging },
  additionalProperties: false,
} as const;

export const exportQuery = {
  type: 'object',
  properties: {
    ...eventFilterProperties,
    format: { type: 'string', enum: [...EXPORT_FORMATS], default: 'plover' },
  },
  additionalProperties: false,
} as const;

/** An article posted for analysis or storage: the JSON-lines article of `marsad ingest`. */
export const articleBody = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1 },
    title: { type: 'string', maxLength: 2000 },
    publishedAt: DAY,
    id: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' },
    source: { type: 'string', maxLength: 200 },
    // http(s) only: a javascript: or data: URL would be a link waiting to be clicked.
    url: { type: 'string', maxLength: 2000, format: 'uri', pattern: '^https?://' },
  },
  additionalProperties: false,
} as const;

export const analysis = open('The analysis JSON of `marsad analyze --json` (docs/ANALYSIS.md)');
export const storedEvent = open('A PLOVER event with its article and the entities it names');
export { DAY, open };
