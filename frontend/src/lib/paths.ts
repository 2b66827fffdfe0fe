/** App URL builders shared by server and client code; ids are always encoded. API URLs come from the contract (`apiHref`). */

/** A page of an organisation in the app, e.g. `orgPath(id, 'register')` → `/orgs/<id>/register`. */
export function orgPath(organizationId: string, section = ''): string {
  const base = `/orgs/${encodeURIComponent(organizationId)}`;
  return section ? `${base}/${section}` : base;
}

/**
 * Where to go after signing in, from a `next` query parameter: a path of this app only. Anything
 * else (another site, `//host`, `/\host`, a scheme) is ignored, so a crafted sign-in link cannot
 * send someone elsewhere after they typed their password.
 */
export function safeNextPath(value: string | string[] | undefined | null): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // A control character or backslash could be read as another host by some browsers.
  for (let index = 0; index < value.length; index++) {
    if (value[index] === '\\' || value.charCodeAt(index) < 0x20) return null;
  }
  return value;
}

/** The invitation page of a link's token, as sign-in and sign-up links carry it back there. */
export function invitationPath(token: string): string {
  return `/invitations/${encodeURIComponent(token)}`;
}
