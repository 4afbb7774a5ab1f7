// The OpenAPI 3.1 description of the API. Request schemas come from the zod schemas that validate them.
import { z } from 'zod';
import { compareInput, entityListQuery, searchQuery, storyListQuery, articleInput } from './schemas.js';
import type { Limits } from './deps.js';

function queryParams(schema: z.ZodObject): object[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: (json.required ?? []).includes(name), schema: s }));
}

const pathId = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });

export function openApiDocument(limits: Limits): object {
  const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
  return {
    openapi: '3.1.0',
    info: { title: 'Parallax API', version: '1', description: 'Stories, their claim-by-claim comparison across outlets, articles with annotations, entities, outlets, search and ingest. Comparisons follow the JSON contract of `parallax compare --json` (docs/json-schema.md).' },
    paths: {
      '/api/stories': { get: { summary: 'List stories (newest first), filtered by outlet, entity, date range or title text', parameters: queryParams(storyListQuery), responses: { 200: ok('Stories with their reports per outlet (coverage), conflicts between reports once compared, and the most active outlets that did not report them (blindspot)'), 400: error } } },
      '/api/stories/{id}': { get: { summary: "A story's articles", parameters: [pathId('id', 'story id')], responses: { 200: ok('Articles of the story'), 404: error } } },
      '/api/stories/{id}/comparison': { get: { summary: "A story's comparison: findings with evidence spans, figures, quotes, framing, timeline", parameters: [pathId('id', 'story id')], responses: { 200: ok('StoryComparison'), 404: error } } },
      '/api/articles/{id}': { get: { summary: 'An article with its cleaned text and annotation layers (raw input with ?raw=1)', parameters: [pathId('id', 'article id'), { name: 'raw', in: 'query', required: false, schema: { enum: ['0', '1'] } }], responses: { 200: ok('Article'), 404: error } } },
      '/api/entities': { get: { summary: 'Entities named in stories, with the outlets that name them', parameters: queryParams(entityListQuery), responses: { 200: ok('Entities') } } },
      '/api/entities/{name}': { get: { summary: 'Which outlets mention an entity, how often and in which words', parameters: [pathId('name', 'entity name')], responses: { 200: ok('Entity coverage'), 404: error } } },
      '/api/outlets': { get: { summary: 'Outlets with the number of stories they cover', responses: { 200: ok('Outlets') } } },
      '/api/outlets/{name}': { get: { summary: 'One outlet: the stories it covers and its blindspot (stories two or more other outlets reported and it did not)', parameters: [pathId('name', 'outlet name')], responses: { 200: ok('Outlet coverage and blindspot'), 404: error } } },
      '/api/search': { get: { summary: 'Full-text search over articles and claims', parameters: queryParams(searchQuery), responses: { 200: ok('Search hits'), 400: error } } },
      '/api/ingest': { post: { summary: 'Store one article (text, HTML or URL); it is analysed and assigned to a story', requestBody: body(articleInput(limits.articleChars)), responses: { 201: ok('Stored'), 200: ok('Already stored'), 400: error, 413: error, 501: error } } },
      '/api/status': { get: { summary: 'Jobs waiting per kind (analyse, assign, compare) and workers seen in the last 15 s; both null without a job queue (SQLite)', responses: { 200: ok('Queue status') } } },
      '/api/compare': { post: { summary: 'Compare pasted articles on the spot (nothing is stored)', requestBody: body(compareInput(limits.articleChars, limits.compareArticles)), responses: { 200: ok('StoryComparison with `warnings`: texts such as the one-event check (pasted reports the story clusterer puts in several stories are compared anyway, with a warning naming the groups)'), 400: error, 413: error } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } } } },
      },
    },
  };
}
