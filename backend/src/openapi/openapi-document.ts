import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';

/**
 * The API's OpenAPI document, built from the controllers and DTO classes of `app`'s modules.
 * The Swagger UI (`/api/docs`) and the committed `backend/openapi.json` (`npm run openapi`) both
 * come from here, so what the UI shows is what the frontend's generated types say.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Registre API')
    .setDescription(
      'Record of processing activities (GDPR Art 30). Sign in with POST /api/v1/auth/login; every POST/PUT/PATCH/DELETE carries the X-CSRF-Token header from GET /api/v1/auth/csrf. Errors are { code, message, details }, translated per Accept-Language or ?lang=fr|en.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
    .build();
  return sortKeys(SwaggerModule.createDocument(app, config));
}

/**
 * A copy of `value` whose object keys are in code-point order at every depth, so the document's text
 * depends on what the routes declare, not on the order modules were scanned. Arrays keep their order
 * (parameters, `required`, enums and tags mean something in theirs).
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted as T;
}

/** The document as committed: two-space JSON with a final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
