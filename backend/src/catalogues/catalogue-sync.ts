import { Client } from 'pg';
import { CATALOGUE_SOURCES } from './catalogue-sources';

/**
 * Loads the shipped catalogues into the reference table, with the owner connection, at every start:
 * entries are upserted by (catalogue, code), so a new catalogue version updates labels and facts in
 * place and codes stored in customer data keep their meaning. Retired codes stay (codes are never removed).
 */
export async function syncCatalogues(ownerUrl: string): Promise<number> {
  const rows = CATALOGUE_SOURCES.flatMap((source) =>
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
  const client = new Client({ connectionString: ownerUrl, application_name: 'registre-catalogues' });
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
  return rows.length;
}
