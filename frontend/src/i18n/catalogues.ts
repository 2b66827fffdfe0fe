import type { Locale } from './config';
import en from './messages/en.json';
import fr from './messages/fr.json';
import type { Messages } from './translate';

/** Both catalogues; typing `en` as `Messages` makes the compiler reject a key missing from English. */
export const catalogues: Readonly<Record<Locale, Messages>> = { fr, en };
