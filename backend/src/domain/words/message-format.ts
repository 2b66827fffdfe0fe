/**
 * Message templates with ICU-style plurals, for both catalogues (the API's and the web app's):
 * `{name}` is replaced by the value; `{count, plural, =0 {aucun rappel} one {# rappel} other {# rappels}}`
 * picks the branch for the number (an exact `=N` first, then the language's plural category from
 * Intl.PluralRules: French says « 0 point », « 1 point », « 2 points »; English "0 points") and `#`
 * in it stands for the number. Pure and dependency-free: the web app imports it too.
 */
import type { WordsLocale } from './country-names';

export type MessageVars = Readonly<Record<string, string | number>>;

const pluralRules = new Map<WordsLocale, Intl.PluralRules>();

function pluralCategory(value: number, locale: WordsLocale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(value);
}

/** The index of the `}` closing the `{` at `open`, counting nested braces; -1 when unbalanced. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let index = open; index < template.length; index++) {
    if (template[index] === '{') depth++;
    else if (template[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** `=0 {…} one {…} other {…}` → the branches by selector. */
function branches(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(index));
    if (!selector?.[1]) break;
    const open = index + selector[0].length - 1;
    const end = closing(text, open);
    if (end === -1) break;
    found.set(selector[1], text.slice(open + 1, end));
    index = end + 1;
  }
  return found;
}

const numberFormats = new Map<WordsLocale, Intl.NumberFormat>();

/** `#` as ICU writes it: a number grouped as the language does (« 12 500 », "12,500"); text as given. */
function hash(raw: string | number, locale: WordsLocale): string {
  if (typeof raw !== 'number') return raw;
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(raw);
}

function plural(name: string, options: string, vars: MessageVars, locale: WordsLocale): string | null {
  const raw = vars[name];
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (raw === undefined || !Number.isFinite(value)) return null;
  const found = branches(options);
  const chosen = found.get(`=${String(value)}`) ?? found.get(pluralCategory(value, locale)) ?? found.get('other');
  return chosen === undefined ? null : formatMessage(chosen.replace(/#/g, hash(raw, locale)), vars, locale);
}

/** `template` with its placeholders filled; an unknown placeholder is left as written. */
export function formatMessage(template: string, vars: MessageVars | undefined, locale: WordsLocale): string {
  if (!vars || !template.includes('{')) return template;
  let out = '';
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{', index);
    if (open === -1) break;
    const end = closing(template, open);
    if (end === -1) break;
    out += template.slice(index, open);
    const inner = template.slice(open + 1, end);
    const simple = /^(\w+)$/.exec(inner);
    const complex = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    const whole = template.slice(open, end + 1);
    if (simple?.[1]) out += vars[simple[1]] === undefined ? whole : String(vars[simple[1]]);
    else if (complex?.[1] && complex[2] !== undefined) out += plural(complex[1], complex[2], vars, locale) ?? whole;
    else out += whole;
    index = end + 1;
  }
  return out + template.slice(index);
}
