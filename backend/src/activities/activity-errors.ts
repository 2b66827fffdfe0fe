import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { FieldError, translateFieldErrors } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import type { RuleProblem } from './activity-rules';
import type { Completeness } from './activity.types';

export interface LocalisedField {
  path: string;
  code: string;
  message: string;
}

export function translateRuleProblems(locale: Locale, problems: RuleProblem[]): LocalisedField[] {
  return problems.map(({ path, code, params }) => ({ path, code, message: translate(locale, `activity_rules.${code}`, params) }));
}

/** 422 on validation: every rule the activity breaks, each with its field path and message. */
export class ActivityIncompleteException extends AppException {
  constructor(
    readonly problems: RuleProblem[],
    readonly completeness: Completeness,
  ) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'activity_incomplete', {}, { count: problems.length });
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return {
      fields: translateRuleProblems(locale, this.problems),
      completeness: { score: this.completeness.score, missing: this.completeness.missing },
    };
  }
}

export interface ImportItemErrors {
  fields: FieldError[];
  rules: RuleProblem[];
}

/**
 * 422 on an import with any invalid item: nothing is imported. `details.items[i]` describes item i
 * of the file (an empty `fields` list when that item was fine).
 */
export class ImportInvalidException extends AppException {
  constructor(
    readonly items: { reference: string | null; errors: ImportItemErrors }[],
  ) {
    const invalid = items.filter((item) => item.errors.fields.length + item.errors.rules.length > 0).length;
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'import_invalid', {}, { invalid, total: items.length });
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return {
      items: this.items.map((item, index) => ({
        index,
        reference: item.reference,
        fields: [...translateFieldErrors(locale, item.errors.fields), ...translateRuleProblems(locale, item.errors.rules)],
      })),
    };
  }
}
