/**
 * The product's own actors: a daily job acts, no person does. The audit trail and the versions store
 * the French name (the hash chain covers it, so it never changes); pages and exports show it in the
 * reader's language. Pure: the web app imports it too.
 */
import type { WordsLocale } from './country-names';

const SYSTEM_ACTORS = {
  retention: { fr: 'Registre (conservation automatique)', en: 'Registre (automatic retention)' },
  screening: { fr: 'Registre (pré-analyse AIPD automatique)', en: 'Registre (automatic DPIA screening)' },
} as const satisfies Record<string, Record<WordsLocale, string>>;

export type SystemActor = keyof typeof SYSTEM_ACTORS;

/** The name stored for a job's changes (`actor_name`, `author_name`). */
export const systemActorName = (actor: SystemActor): string => SYSTEM_ACTORS[actor].fr;

/** An actor's name as the reader reads it: a job's in their language, a person's as given. */
export function actorInWords<T extends string | null | undefined>(name: T, locale: WordsLocale): T | string {
  const actor = Object.values(SYSTEM_ACTORS).find((names) => names.fr === name);
  return actor ? actor[locale] : name;
}
