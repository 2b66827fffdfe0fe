/**
 * Row-level security for tables that belong to one organisation: rows are visible and writable only
 * when their `organization_id` is the organisation bound to the transaction
 * (`app_current_organization_id()`, set by the request's tenant transaction). Migrations use it for
 * every tenant table, so the policy is written once and named `<table>_tenant` everywhere.
 */
export function tenantIsolation(...tables: string[]): string {
  return tables
    .map(
      (table) => `
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization_id())
        WITH CHECK (organization_id = app_current_organization_id());`,
    )
    .join('\n');
}
