import type { IncomingMessage } from 'node:http';

/** Raised while reading a JSON body; its message is the error code (body-parser keeps only the message). */
export class HostileJsonError extends Error {}

export const MAX_JSON_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses, before parsing, a body nested deeper than any real register document (the parser and
 * the validators recurse, so 100,000 levels would exhaust the stack).
 */
export function verifyJsonDepth(_request: IncomingMessage, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === 0x5c) index++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new HostileJsonError('json_too_deep');
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
}

/**
 * A UTF-16 surrogate that is not half of a pair. With the `u` flag a well-formed pair is one code point
 * (outside \p{Cs}), so only lone halves match.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** NUL, or a lone surrogate (`"a\ud800b"` is valid JSON but not Unicode: UTF-8 and jsonb cannot hold it). */
function invalidText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * PostgreSQL cannot store NUL in text nor a lone surrogate (jsonb refuses it, and the driver's UTF-8
 * would silently turn it into U+FFFD in a text column), and keys such as __proto__ only serve
 * prototype pollution: all are refused while parsing, on every JSON route, with a clear error instead
 * of a 500 or a silently altered text deeper down.
 */
export function rejectHostileJsonValues(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new HostileJsonError('forbidden_property');
  if (invalidText(key) || (typeof value === 'string' && invalidText(value))) throw new HostileJsonError('invalid_characters');
  return value;
}
