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
 * PostgreSQL cannot store NUL in text, and keys such as __proto__ only serve prototype pollution:
 * both are refused while parsing, with a clear error instead of a failure deeper down.
 */
export function rejectHostileJsonValues(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new HostileJsonError('forbidden_property');
  if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) throw new HostileJsonError('invalid_characters');
  return value;
}
