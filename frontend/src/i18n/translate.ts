/**
 * A small typed translator: keys are the dotted paths of the French catalogue (the reference one),
 * values may hold `{name}` placeholders filled from `vars`, and ICU-style plurals
 * (`{count, plural, one {# question} other {# questions}}`, chosen by the language's plural rules).
 */
import { formatMessage } from '@domain/words/message-format';

import type { Locale } from './config';
import type fr from './messages/fr.json';

export type Messages = typeof fr;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translatable key, e.g. `login.title`. */
export type MessageKey = Leaves<Messages>;
export type TranslateVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** The value at a dotted path, when it is a string. */
export function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return lookup(messages, key) !== undefined;
}

/** The template with its placeholders and plurals filled, by `locale`'s plural rules (French, the reference catalogue's, by default). */
export function interpolate(template: string, vars?: TranslateVars, locale: Locale = 'fr'): string {
  return formatMessage(template, vars, locale);
}

/** `locale` chooses the plural rules; the app always gives it (tests of a French catalogue may leave it out). */
export function createTranslator(messages: Messages, locale: Locale = 'fr'): Translate {
  return (key, vars) => {
    const template = lookup(messages, key);
    // A missing key shows itself rather than an empty string; messages.spec.ts keeps this from shipping.
    return template === undefined ? key : interpolate(template, vars, locale);
  };
}
