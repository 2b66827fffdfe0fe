import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { ErrorView } from '../common/errors/error-view';

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
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorView] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) declareParameters(path, operation);
    }
  }
  return sortKeys(document);
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<Operation['parameters']>[number], { in: string }>;

/**
 * What the decorators cannot say. A path parameter read by a guard or `@CurrentAccess()` rather
 * than by `@Param()` (`orgId`) is declared from the path template. `If-Match` is an alternative to
 * the body's `version` (`expectedVersion`), never required, whatever `@Headers()` implies.
 */
function declareParameters(path: string, operation: Operation): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const declared = new Set(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
  const missing = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).filter((name) => !declared.has(name));
  for (const parameter of parameters) {
    if (parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match') {
      parameter.required = false;
      parameter.description = 'The version last read, instead of the body\'s version';
    }
  }
  operation.parameters = [...missing.map((name): ParameterObject => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...parameters];
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
