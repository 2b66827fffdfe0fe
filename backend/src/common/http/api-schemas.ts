import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, type SchemaObject } from '@nestjs/swagger';

/** A 200 answer that is a file of `mediaType` (a download, a workbook, an archive), not JSON. */
export function ApiFileResponse(mediaType: string, description: string): MethodDecorator {
  return applyDecorators(ApiProduces(mediaType), ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }));
}

/** Any JSON value (`unknown`): a field whose value is whatever the record's field holds. */
export const JSON_VALUE_SCHEMA: SchemaObject = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
};

/** `{ [field path]: { before, after } }`: the changes of a version or an audit event. */
const FIELD_CHANGE_SCHEMA: SchemaObject = { type: 'object', properties: { before: JSON_VALUE_SCHEMA, after: JSON_VALUE_SCHEMA }, required: ['before', 'after'] };
export const FIELD_CHANGES_SCHEMA = { type: 'object' as const, additionalProperties: FIELD_CHANGE_SCHEMA };
