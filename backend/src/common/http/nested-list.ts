import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, ValidateNested } from 'class-validator';

import { withArgs } from './validation';

/**
 * A body field holding a list of nested objects, each validated as `type`, at most `max` of them: the
 * decorators such a list always needs together (forgetting `Type` or `each` silently skips validation).
 */
export function NestedList(type: () => new () => object, options: { max: number; required?: boolean; description?: string }): PropertyDecorator {
  const { max, required = false, description } = options;
  return applyDecorators(
    required ? ApiProperty({ type: () => [type()], description }) : ApiPropertyOptional({ type: () => [type()], description }),
    required ? IsDefined() : IsOptional(),
    IsArray(),
    ArrayMaxSize(max, withArgs),
    ValidateNested({ each: true }),
    Type(type),
  );
}
