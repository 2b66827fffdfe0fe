/** Where the backend listens, read at request time so one build can be started against any API. */
export function apiBaseUrl(): string {
  return (process.env.API_URL ?? 'http://localhost:3001').replace(/\/+$/, '');
}
