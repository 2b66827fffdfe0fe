import countries from '../../domain/catalogues/data/countries.json';
import { CATALOGUE_SOURCES } from '../../catalogues/catalogue-sources';

/**
 * What a developer writes and a user must never read: the language scan's detectors. Each returns
 * the offending pieces of `text` (empty when the text reads as plain words).
 */
const CATALOGUE_CODES = new Set(CATALOGUE_SOURCES.filter((source) => source.name !== 'countries').flatMap((source) => source.items.map((item) => item.code)));
const COUNTRY_CODES = new Set(countries.items.map((item) => item.code));

const DETECTORS: { kind: string; find(text: string): string[] }[] = [
  { kind: 'snake_case code', find: (text) => [...text.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)].map((match) => match[0]) },
  {
    kind: 'catalogue code quoted as a value',
    find: (text) => [...text.matchAll(/[«"(]\s?([a-z][a-z0-9_]*)\s?[»")]/g)].flatMap((match) => (match[1] && CATALOGUE_CODES.has(match[1]) ? [match[0]] : [])),
  },
  { kind: 'field path', find: (text) => [...text.matchAll(/\b[a-zA-Z]+\[\d+\](?:\.[a-zA-Z]+)*|\b[a-z]+[A-Z][a-zA-Z]*(?:\.[a-zA-Z]+)+/g)].map((match) => match[0]) },
  { kind: 'camelCase identifier', find: (text) => [...text.matchAll(/\b[a-z]+[A-Z][a-zA-Z]*\b/g)].map((match) => match[0]) },
  { kind: 'UUID', find: (text) => [...text.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi)].map((match) => match[0]) },
  { kind: 'ISO duration', find: (text) => [...text.matchAll(/\bP(?:\d+[YMWD])+\b/g)].map((match) => match[0]) },
  { kind: 'ISO date or instant', find: (text) => [...text.matchAll(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g)].map((match) => match[0]) },
  { kind: 'bare country code', find: (text) => [...text.matchAll(/(?<![\w-])[A-Z]{2}(?![\w-])/g)].flatMap((match) => (COUNTRY_CODES.has(match[0]) ? [match[0]] : [])) },
  { kind: 'JSON', find: (text) => [...text.matchAll(/[{[]\s*"[^"]+"\s*:/g)].map((match) => match[0]) },
];

export interface LanguageProblem {
  source: string;
  kind: string;
  found: string;
  text: string;
}

/** Every developer-language piece in `texts`, with where it came from. */
export function scanLanguage(source: string, texts: Iterable<string>): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  for (const text of texts) {
    for (const detector of DETECTORS) for (const found of detector.find(text)) problems.push({ source, kind: detector.kind, found, text });
  }
  return problems;
}
