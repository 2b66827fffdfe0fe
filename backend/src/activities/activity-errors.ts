import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { FieldError, translateFieldErrors } from '../common/http/validation';
import { Locale, translate } from '../common/i18n/i18n';
import { CatalogueLabels, SHIPPED_LABELS } from '../exports/catalogue-labels';
import { countryList, countryName } from '../domain/words/country-names';
import type { RuleProblem, ValidationBlocker } from '../domain/activities/activity-rules';
import type { Completeness } from '../domain/activities/activity.types';

export interface LocalisedField {
  path: string;
  code: string;
  message: string;
}

/**
 * The rules' problems in words. Their `label` parameter is a catalogue code for a data category
 * (the rules are locale-free): the message gets the category's label instead.
 */
export function translateRuleProblems(locale: Locale, problems: (RuleProblem | ValidationBlocker)[], labels: CatalogueLabels = SHIPPED_LABELS): LocalisedField[] {
  return problems.map(({ path, code, params }) => {
    const words: Record<string, string> = path.startsWith('dataCategories[') && params.label ? { ...params, label: labels.label('data-categories', params.label, locale) ?? params.label } : { ...params };
    // Blockers name countries by code: in words, with the article the sentence needs ("to the United States").
    if (words.country) words.country = countryName(words.country, locale, 'to');
    if (words.countries) words.countries = countryList(words.countries.split(/,\s*/), locale, 'to');
    if (words.recipient !== undefined) words.recipient = words.recipient ? ` (${words.recipient})` : '';
    return { path, code, message: translate(locale, `activity_rules.${code}`, words) };
  });
}

/**
 * 422 on validation: every rule the activity breaks, each with its field path and message. `onEdit`:
 * the same points refusing an edit of a validated activity (its message says the change is not saved).
 */
export class ActivityIncompleteException extends AppException {
  constructor(
    readonly problems: (RuleProblem | ValidationBlocker)[],
    readonly completeness: Completeness,
    readonly labels: CatalogueLabels = SHIPPED_LABELS,
    readonly onEdit = false,
  ) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'activity_incomplete', {}, { count: problems.length });
  }

  override get messageKey(): string {
    return this.onEdit ? 'errors.activity_validated_edit' : super.messageKey;
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return {
      fields: translateRuleProblems(locale, this.problems, this.labels),
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
    readonly labels: CatalogueLabels = SHIPPED_LABELS,
  ) {
    const invalid = items.filter((item) => item.errors.fields.length + item.errors.rules.length > 0).length;
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'import_invalid', {}, { invalid, total: items.length });
  }

  override localisedDetails(locale: Locale): Record<string, unknown> {
    return {
      items: this.items.map((item, index) => ({
        index,
        reference: item.reference,
        fields: [...translateFieldErrors(locale, item.errors.fields), ...translateRuleProblems(locale, item.errors.rules, this.labels)],
      })),
    };
  }
}
