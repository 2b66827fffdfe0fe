import { CATALOGUE_SOURCES } from '../catalogues/catalogue-sources';
import type { Locale } from '../common/i18n/i18n';

export interface LabelPair {
  fr: string;
  en: string;
}

/**
 * Catalogue labels in memory for one export or import: the shipped entries plus the organisation's
 * own, read once, so no row costs a query.
 */
export class CatalogueLabels {
  private readonly byCatalogue = new Map<string, Map<string, LabelPair>>();

  constructor(own: { catalogue: string; code: string; labelFr: string; labelEn: string }[] = []) {
    for (const source of CATALOGUE_SOURCES) this.byCatalogue.set(source.name, new Map(source.items.map((item) => [item.code, { fr: item.fr, en: item.en }])));
    for (const entry of own) this.byCatalogue.get(entry.catalogue)?.set(entry.code, { fr: entry.labelFr, en: entry.labelEn });
  }

  /** The label in `locale`; a code no catalogue knows is shown as is. */
  label(catalogue: string, code: string | null | undefined, locale: Locale): string | null {
    if (code === null || code === undefined || code === '') return null;
    return this.byCatalogue.get(catalogue)?.get(code)?.[locale] ?? code;
  }

  entries(catalogue: string): [string, LabelPair][] {
    return [...(this.byCatalogue.get(catalogue) ?? new Map<string, LabelPair>()).entries()];
  }

  /** The code whose label (in either language, case-insensitive) or code is `text`; null when none. */
  codeOf(catalogue: string, text: string): string | null {
    const entries = this.byCatalogue.get(catalogue);
    if (!entries) return null;
    if (entries.has(text)) return text;
    const wanted = text.trim().toLowerCase();
    for (const [code, pair] of entries) if (pair.fr.toLowerCase() === wanted || pair.en.toLowerCase() === wanted) return code;
    return null;
  }
}

/** The shipped labels only (a module-wide instance: building one reads every catalogue). */
export const SHIPPED_LABELS = new CatalogueLabels();

/** The shipped labels and the organisation's own entries, in one query. */
export async function organizationLabels(
  query: <T>(sql: string, params: unknown[]) => Promise<T>,
  organizationId: string,
): Promise<CatalogueLabels> {
  const own = await query<{ catalogue: string; code: string; labelFr: string; labelEn: string }[]>(
    'SELECT catalogue, code, label_fr AS "labelFr", label_en AS "labelEn" FROM organization_catalogue_entries WHERE organization_id = $1',
    [organizationId],
  );
  return own.length ? new CatalogueLabels(own) : SHIPPED_LABELS;
}
