import { Client } from 'pg';
import { adequacyChanges, AdequacyChange, transferFactsFrom } from '../domain/transfers/transfer-status';
import { CATALOGUE_SOURCES, CatalogueSource } from './catalogue-sources';

export interface CatalogueSyncResult {
  entries: number;
  /** What this sync changed in the countries' adequacy decisions (recorded in catalogue_changes). */
  adequacyChanges: AdequacyChange[];
}

/** Serialises concurrent starts (several API processes): the second one sees the first one's entries as "before". */
const SYNC_LOCK = 'registre-catalogue-sync';

/**
 * Loads the shipped catalogues into the reference table, with the owner connection, at every start:
 * entries are upserted by (catalogue, code), so a new catalogue version updates labels and facts in
 * place and codes stored in customer data keep their meaning. Retired codes stay (codes are never removed).
 *
 * In the same transaction, the countries' adequacy facts before the upsert are compared with the new
 * ones: each change (a decision adopted, ending, annulled, renewed…) is recorded in catalogue_changes,
 * for the daily job to tell the DPOs of the organisations concerned. The first sync into an empty table
 * has no "before" and records nothing. `sources` is the shipped catalogues; tests pass modified ones.
 */
export async function syncCatalogues(ownerUrl: string, sources: readonly CatalogueSource[] = CATALOGUE_SOURCES): Promise<CatalogueSyncResult> {
  const rows = sources.flatMap((source) =>
    source.items.map((item, position) => {
      const { code, fr, en, help, ...facts } = item;
      return {
        catalogue: source.name,
        code,
        position,
        label_fr: fr,
        label_en: en,
        help_fr: help?.fr ?? null,
        help_en: help?.en ?? null,
        facts,
        catalogue_version: source.version,
      };
    }),
  );
  const countries = sources.find((source) => source.name === 'countries');
  const client = new Client({ connectionString: ownerUrl, application_name: 'registre-catalogues' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SYNC_LOCK]);
    let changes: AdequacyChange[] = [];
    if (countries) {
      const before = (await client.query<{ code: string; facts: Record<string, unknown> }>("SELECT code, facts FROM catalogue_entries WHERE catalogue = 'countries'")).rows;
      if (before.length > 0) {
        // The date does not matter here: only the decisions' own dates are compared.
        const on = new Date().toISOString().slice(0, 10);
        // The labels alongside the facts are ignored: only the adequacy facts are read.
        const after = countries.items.map((item) => ({ code: item.code, facts: item }));
        changes = adequacyChanges(transferFactsFrom(before, [], on).countries, transferFactsFrom(after, [], on).countries);
      }
    }
    // One statement for the whole set: a few hundred rows, unpacked server-side from JSON.
    await client.query(
      `INSERT INTO catalogue_entries (catalogue, code, position, label_fr, label_en, help_fr, help_en, facts, catalogue_version)
       SELECT catalogue, code, position, label_fr, label_en, help_fr, help_en, facts, catalogue_version
       FROM jsonb_to_recordset($1::jsonb) AS r(catalogue text, code text, position int, label_fr text, label_en text,
                                                help_fr text, help_en text, facts jsonb, catalogue_version text)
       ON CONFLICT (catalogue, code) DO UPDATE SET
         position = EXCLUDED.position, label_fr = EXCLUDED.label_fr, label_en = EXCLUDED.label_en,
         help_fr = EXCLUDED.help_fr, help_en = EXCLUDED.help_en, facts = EXCLUDED.facts,
         catalogue_version = EXCLUDED.catalogue_version
       WHERE (catalogue_entries.*) IS DISTINCT FROM (EXCLUDED.*)`,
      [JSON.stringify(rows)],
    );
    if (changes.length > 0 && countries) {
      const scopes = new Map(countries.items.map((item) => [item.code, (item.adequacy as { scope?: unknown } | null | undefined)?.scope]));
      await client.query(
        `INSERT INTO catalogue_changes (catalogue, code, kind, decision, scope, effective_on, catalogue_version)
         SELECT 'countries', code, kind, decision, scope, effective_on, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(code text, kind text, decision text, scope text, effective_on date)`,
        [
          JSON.stringify(
            changes.map((change) => {
              const scope = scopes.get(change.country);
              return {
                code: change.country,
                kind: change.kind,
                decision: change.decision,
                scope: change.kind !== 'withdrawn' && (scope === 'full' || scope === 'partial') ? scope : null,
                effective_on: change.effectiveOn,
              };
            }),
          ),
          countries.version,
        ],
      );
    }
    await client.query('COMMIT');
    return { entries: rows.length, adequacyChanges: changes };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
