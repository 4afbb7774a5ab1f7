// Coded errors for things a user did or can fix. The CLI prints `message` on one line, never a stack.
import { printable } from './printable.js';

export type ErrorCode =
  | 'E_EMPTY' // the input has no content
  | 'E_BINARY' // the input is not text
  | 'E_TOO_LARGE' // the input is over a size limit
  | 'E_READ' // the file could not be read
  | 'E_PARSE' // malformed JSON, JSON Lines, XML or manifest
  | 'E_USAGE' // wrong command-line usage
  | 'E_FETCH' // a URL could not be fetched
  | 'E_FORBIDDEN' // a URL points where we may not go
  | 'E_PIPELINE' // stages listed in an order that cannot run
  | 'E_STORE'; // the database refused

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or item the error is about. */
  readonly subject: string | undefined;
  constructor(code: ErrorCode, message: string, subject?: string) {
    super(printable(subject ? `${subject}: ${message}` : message));
    this.name = 'ParallaxError';
    this.code = code;
    this.subject = subject;
  }
}

export function isParallaxError(e: unknown): e is ParallaxError {
  return e instanceof ParallaxError;
}
