/** URL builders shared by server and client code; ids are always encoded. */

/** A page of an organisation in the app, e.g. `orgPath(id, 'register')` → `/orgs/<id>/register`. */
export function orgPath(organizationId: string, section = ''): string {
  const base = `/orgs/${encodeURIComponent(organizationId)}`;
  return section ? `${base}/${section}` : base;
}

/** An organisation's API resource, e.g. `orgApiPath(id, 'members')` → `/api/v1/organizations/<id>/members`. */
export function orgApiPath(organizationId: string, resource = ''): string {
  const base = `/api/v1/organizations/${encodeURIComponent(organizationId)}`;
  return resource ? `${base}/${resource}` : base;
}
