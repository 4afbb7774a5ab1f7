// Request schemas, used both to validate and to describe the API in /openapi.json.
import { z } from 'zod';

const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date such as 2025-11-25');

export const storyListQuery = z
  .object({
    outlet: z.string().min(1).max(200).optional(),
    entity: z.string().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const searchQuery = z
  .object({
    q: z.string().min(1, 'give a search text in q').max(500),
    outlet: z.string().min(1).max(200).optional(),
    entity: z.string().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const entityListQuery = z
  .object({
    q: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const idParam = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]+$/, 'not a valid id');

export function articleInput(maxChars: number) {
  return z
    .object({
      text: z.string().min(1).max(maxChars).optional(),
      html: z.string().min(1).max(maxChars).optional(),
      url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      outlet: z.string().min(1).max(200).optional(),
      title: z.string().min(1).max(500).optional(),
      published: isoDate.optional(),
    })
    .strict()
    .refine((a) => [a.text, a.html].filter((x) => x !== undefined).length <= 1, 'give either text or html, not both')
    .refine((a) => a.text !== undefined || a.html !== undefined || a.url !== undefined, 'give the article as text, html or url');
}

export function compareInput(maxChars: number, maxArticles: number) {
  const article = z
    .object({
      text: z.string().min(1).max(maxChars).optional(),
      html: z.string().min(1).max(maxChars).optional(),
      outlet: z.string().min(1).max(200).optional(),
      title: z.string().min(1).max(500).optional(),
      published: isoDate.optional(),
    })
    .strict()
    .refine((a) => (a.text === undefined) !== (a.html === undefined), 'give each article as text or html');
  return z.object({ articles: z.array(article).min(2, 'compare needs at least two articles').max(maxArticles) }).strict();
}
