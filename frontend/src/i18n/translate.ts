/**
 * A small typed translator: keys are the dotted paths of the French catalogue (the reference one),
 * values may hold `{name}` placeholders filled from `vars`.
 */
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

export function interpolate(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

export function createTranslator(messages: Messages): Translate {
  return (key, vars) => {
    const template = lookup(messages, key);
    // A missing key shows itself rather than an empty string; messages.spec.ts keeps this from shipping.
    return template === undefined ? key : interpolate(template, vars);
  };
}
