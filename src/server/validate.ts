import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/** Query parameters checked against a schema (a ZodError becomes a 400). */
export function query<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return schema.parse(c.req.query());
}

/** A JSON body checked against a schema; malformed JSON is a 400 too. */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'E_MEDIA_TYPE', 'send the body as application/json');
  let data: unknown;
  try {
    data = await c.req.json();
  } catch {
    throw new ApiError(400, 'E_JSON', 'the body is not valid JSON');
  }
  return schema.parse(data);
}
