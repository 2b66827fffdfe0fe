import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { RuleFacts } from '../domain/activities/activity-rules';
import { ActivityContent, CONTENT_KEYS, FREE_MEASURE_PREFIX } from '../domain/activities/activity.types';
import { ScreeningCatalogueFacts, screeningFactsFrom } from '../domain/activities/screening-criteria';

/** Catalogue facts the register reads: which data categories are sensitive, which subjects vulnerable (the DPIA screening's facts). */
export type ActivityFacts = RuleFacts & ScreeningCatalogueFacts;

/** A catalogue code used by a record, with the path of the field that holds it. */
export interface CodeReference {
  path: string;
  catalogue: string;
  code: string;
}

type ContentKey = (typeof CONTENT_KEYS)[number];

/** Every catalogue code the content uses, with its field path, for the parts named in `keys`. */
export function catalogueReferences(content: ActivityContent, keys: ReadonlySet<ContentKey> = new Set(CONTENT_KEYS)): CodeReference[] {
  const references: CodeReference[] = [];
  const add = (path: string, catalogue: string, code: string | null) => {
    if (code !== null) references.push({ path, catalogue, code });
  };
  if (keys.has('dataSubjects')) content.dataSubjects.forEach((subject, i) => add(`dataSubjects[${i}].category`, 'data-subject-categories', subject.category));
  if (keys.has('dataCategories')) {
    content.dataCategories.forEach((category, i) => {
      add(`dataCategories[${i}].category`, 'data-categories', category.category);
      add(`dataCategories[${i}].art9Condition`, 'art9-conditions', category.art9Condition);
    });
  }
  if (keys.has('recipients')) content.recipients.forEach((recipient, i) => add(`recipients[${i}].category`, 'recipient-categories', recipient.category));
  if (keys.has('securityMeasures')) {
    content.securityMeasures.forEach((measure, i) => {
      if (!measure.startsWith(FREE_MEASURE_PREFIX)) add(`securityMeasures[${i}]`, 'security-measures', measure);
    });
  }
  if (keys.has('transfers')) {
    content.transfers.forEach((transfer, i) => {
      add(`transfers[${i}].country`, 'countries', transfer.country);
      add(`transfers[${i}].mechanism`, 'transfer-mechanisms', transfer.mechanism);
    });
  }
  if (keys.has('dpiaScreening')) {
    const screening = content.dpiaScreening;
    screening.criteria.forEach((criterion, i) => add(`dpiaScreening.criteria[${i}]`, 'dpia-criteria', criterion));
    add('dpiaScreening.onCnilRequiredList', 'dpia-cnil-required', screening.onCnilRequiredList);
    add('dpiaScreening.onCnilExemptList', 'dpia-cnil-exempt', screening.onCnilExemptList);
  }
  return references;
}

/**
 * Checks activity codes against the shipped catalogues (table catalogue_entries) and the
 * organisation's own entries of the open ones, in one query.
 */
@Injectable()
export class ActivityCatalogues {
  private cachedFacts?: Promise<ActivityFacts>;

  constructor(private readonly connection: TransactionalConnection) {}

  /** Shipped catalogues only change at start-up (catalogue sync), so the facts are read once. */
  facts(): Promise<ActivityFacts> {
    this.cachedFacts ??= this.loadFacts().catch((error: unknown) => {
      this.cachedFacts = undefined;
      throw error;
    });
    return this.cachedFacts;
  }

  private async loadFacts(): Promise<ActivityFacts> {
    const rows = await this.connection.manager.query<{ catalogue: string; code: string; facts: Record<string, unknown> }[]>(
      "SELECT catalogue, code, facts FROM catalogue_entries WHERE catalogue IN ('data-categories', 'data-subject-categories')",
    );
    const of = (catalogue: string) => rows.filter((row) => row.catalogue === catalogue);
    return screeningFactsFrom(of('data-categories'), of('data-subject-categories'));
  }

  /** Field errors for codes that are neither shipped nor the organisation's own entry. */
  async unknownCodes(organizationId: string, content: ActivityContent, keys?: ReadonlySet<ContentKey>): Promise<FieldError[]> {
    const references = catalogueReferences(content, keys);
    const errors = emptyFreeMeasures(content, keys);
    if (references.length === 0) return errors;
    return [...errors, ...(await unknownCatalogueCodes(this.connection.manager, organizationId, references))];
  }

  /**
   * `unknownCodes` of many activities (an import), in one query per 20,000 codes rather than one per
   * activity: the import of a register spent most of its time waiting on those round trips.
   */
  async unknownCodesOfMany(organizationId: string, contents: readonly ActivityContent[]): Promise<FieldError[][]> {
    const errors = contents.map((content) => emptyFreeMeasures(content));
    const all = contents.flatMap((content, item) => catalogueReferences(content).map((reference) => ({ item, reference })));
    for (let start = 0; start < all.length; start += CODES_PER_QUERY) {
      const chunk = all.slice(start, start + CODES_PER_QUERY);
      const unknown = await unknownPositions(this.connection.manager, organizationId, chunk.map(({ reference }) => reference));
      for (const position of unknown) errors[chunk[position].item].push(codeError(chunk[position].reference));
    }
    return errors;
  }
}

const CODES_PER_QUERY = 20_000;

/** A free security measure (« other: … ») with no text. */
function emptyFreeMeasures(content: ActivityContent, keys?: ReadonlySet<ContentKey>): FieldError[] {
  if (keys && !keys.has('securityMeasures')) return [];
  return content.securityMeasures
    .map((measure, i) => ({ measure, i }))
    .filter(({ measure }) => measure.startsWith(FREE_MEASURE_PREFIX) && !measure.slice(FREE_MEASURE_PREFIX.length).trim())
    .map(({ i }) => ({ path: `securityMeasures[${i}]`, code: 'isNotEmpty', args: [] }));
}

const codeError = (reference: CodeReference): FieldError => ({ path: reference.path, code: 'catalogueCode', args: [reference.code, reference.catalogue] });

/** The positions of the references whose code is neither shipped nor one of the organisation's own entries. */
async function unknownPositions(manager: EntityManager, organizationId: string, references: readonly CodeReference[]): Promise<number[]> {
  if (references.length === 0) return [];
  const unknown = await manager.query<{ position: number }[]>(
    `SELECT r.position FROM jsonb_to_recordset($2::jsonb) AS r(position int, catalogue text, code text)
     WHERE NOT EXISTS (SELECT 1 FROM catalogue_entries c WHERE c.catalogue = r.catalogue AND c.code = r.code)
       AND NOT EXISTS (SELECT 1 FROM organization_catalogue_entries o
                       WHERE o.organization_id = $1 AND o.catalogue = r.catalogue AND o.code = r.code)
     ORDER BY r.position`,
    [organizationId, JSON.stringify(references.map((reference, position) => ({ position, catalogue: reference.catalogue, code: reference.code })))],
  );
  return unknown.map(({ position }) => position);
}

/**
 * Field errors for the references whose code is neither shipped (catalogue_entries) nor one of the
 * organisation's own entries, in one query; shared by the register and the design grid.
 */
export async function unknownCatalogueCodes(manager: EntityManager, organizationId: string, references: readonly CodeReference[]): Promise<FieldError[]> {
  return (await unknownPositions(manager, organizationId, references)).map((position) => codeError(references[position]));
}
