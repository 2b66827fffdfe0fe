/** App URL builders shared by server and client code; ids are always encoded. API URLs come from the contract (`apiHref`). */

/** A page of an organisation in the app, e.g. `orgPath(id, 'register')` → `/orgs/<id>/register`. */
export function orgPath(organizationId: string, section = ''): string {
  const base = `/orgs/${encodeURIComponent(organizationId)}`;
  return section ? `${base}/${section}` : base;
}
