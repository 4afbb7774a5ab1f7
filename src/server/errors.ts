// Errors become JSON `{error: {code, message, issues?}}` with a meaningful status; stack traces stay
// on the server.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isParallaxError, type ErrorCode } from '../model/errors.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  E_TOO_LARGE: 413,
  E_FETCH: 502,
  E_FORBIDDEN: 403,
  E_STORE: 500,
  E_PIPELINE: 500,
};

export function errorResponse(err: unknown, c: Context, log: (m: string) => void): Response {
  if (err instanceof ApiError) {
    return c.json({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } }, err.status);
  }
  if (err instanceof z.ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    return c.json({ error: { code: 'E_VALIDATION', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues } }, 400);
  }
  if (isParallaxError(err)) {
    const status = STATUS[err.code] ?? 400;
    if (status >= 500) log(`${c.req.method} ${c.req.path}: ${err.message}`);
    return c.json({ error: { code: err.code, message: status >= 500 ? 'the server could not complete the request' : err.message } }, status);
  }
  if (err instanceof HTTPException) {
    return c.json({ error: { code: `E_HTTP_${err.status}`, message: err.message || 'request refused' } }, err.status as ContentfulStatusCode);
  }
  log(`${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
  return c.json({ error: { code: 'E_INTERNAL', message: 'internal error' } }, 500);
}
