import { generateOpenApiJson } from './generate';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId: string;
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** A schema that says what the value is: a reference, a type, or a composition of those. */
function isDeclared(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref) return true;
  if (schema.allOf ?? schema.oneOf ?? schema.anyOf) return true;
  if (schema.type === 'array') return isDeclared(schema.items);
  if (schema.type === 'object') {
    if (schema.properties) return Object.values(schema.properties).every(isDeclared);
    return schema.additionalProperties !== undefined;
  }
  return schema.type !== undefined || schema.enum !== undefined;
}

/** Why an operation's success answer is undeclared, or null when it is declared. */
function undeclaredSuccess(operation: Operation): string | null {
  const success = Object.entries(operation.responses).filter(([status]) => /^[23]\d\d$/.test(status));
  if (success.length === 0) return 'no 2xx or 3xx response';
  for (const [status, response] of success) {
    if (status === '204' || status.startsWith('3')) continue;
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) return `${status} without content (declare its type, or 204)`;
    for (const [mediaType, { schema }] of content) {
      if (mediaType.includes('json') ? !isDeclared(schema) : schema?.type !== 'string' || schema.format !== 'binary') {
        return `${status} ${mediaType} without a schema${mediaType.includes('json') ? '' : ' (a file is { type: string, format: binary })'}`;
      }
    }
  }
  return null;
}

describe('the OpenAPI document', () => {
  let document: Document;
  beforeAll(async () => {
    document = JSON.parse(await generateOpenApiJson()) as Document;
  });

  it('declares the answer of every route: a schema, 204, a redirect or a file', () => {
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.has(method)) continue;
        const reason = undeclaredSuccess(operation);
        if (reason) undeclared.push(`${method.toUpperCase()} ${path}: ${reason}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
  });

  it('types every property of every schema (free-form objects say so with additionalProperties)', () => {
    const untyped = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, property]) => !isDeclared(property))
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual([]);
  });

  it('refers only to schemas it declares', () => {
    const declared = new Set(Object.keys(document.components.schemas).map((name) => `#/components/schemas/${name}`));
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(100);
    expect([...new Set(references)].filter((reference) => !declared.has(reference ?? ''))).toEqual([]);
  });

  it('is the same text whenever it is generated', async () => {
    expect(await generateOpenApiJson()).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });
});
