/** The name of the session cookie (express-session), also declared as the OpenAPI `session` scheme. */
export const SESSION_COOKIE = 'registre.sid';
