import { LOCALES } from '../common/i18n/i18n';
import type { CatalogueLabels } from '../exports/catalogue-labels';
import { columnHeader, sheetName } from '../exports/sheet-writer';
import { ENUMS, enumLabel } from '../exports/sheets/enum-labels';
import { durationFromWords } from '../domain/words/durations';
import { FREE_MEASURE_PREFIX } from '../domain/activities/activity.types';
import { unescapeText } from '../exports/xlsx-cells';
import type { Cell, SheetRows } from './workbook-rows';
import { readOverrideLines } from './override-lines';

/** One problem found in the workbook, where a person would look for it. */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  code: string;
  /** Either a key of the `imports` namespace with params, or a message already translated later. */
  params: Record<string, string>;
  /** A field error from the activities' rules (validation.* / activity_rules.*), translated with them. */
  fieldError?: { path: string; code: string; args: string[] };
  ruleProblem?: { path: string; code: string; params: Record<string, string | number> };
}

/** Where each part of activity i came from, to place the service's errors (`purposes[1].legalBasis`). */
export interface ItemLocation {
  row: number;
  lists: Record<string, number[]>;
  dpiaRow: number | null;
}

interface SheetSpec {
  key: string;
  /** The interchange list this sheet fills (null: the register's own columns). */
  list: string | null;
  required: string[][];
  /** Interchange field (relative to the list item) → column key, for placing errors. */
  fields: Record<string, string>;
}

const SPECS: SheetSpec[] = [
  {
    key: 'register',
    list: null,
    required: [['reference'], ['name'], ['role_code', 'role']],
    fields: {
      reference: 'reference', name: 'name', description: 'description', status: 'status_code', role: 'role_code', department: 'department', owner: 'owner',
      nextReviewDate: 'next_review_date', version: 'version', dataSubjectInformation: 'data_subject_information', rightsProcedure: 'rights_procedure', automatedDecisionMaking: 'automated_decision_making',
      validationOverrides: 'validation_overrides',
    },
  },
  { key: 'parties', list: 'parties', required: [['reference'], ['party_name'], ['party_kind_code', 'party_kind']], fields: { name: 'party_name', contact: 'party_contact' } },
  {
    key: 'purposes',
    list: 'purposes',
    required: [['reference'], ['purpose']],
    fields: {
      description: 'purpose', main: 'main', legalBasis: 'legal_basis_code', legalReference: 'legal_reference', legitimateInterestAssessment: 'lia_purpose',
      'legitimateInterestAssessment.purpose': 'lia_purpose', 'legitimateInterestAssessment.necessity': 'lia_necessity', 'legitimateInterestAssessment.balancing': 'lia_balancing',
    },
  },
  {
    key: 'data_categories',
    list: 'dataCategories',
    required: [['reference'], ['data_category_code', 'data_category']],
    fields: {
      category: 'data_category_code', description: 'description', source: 'source_code', sourceDetail: 'source_detail', mandatory: 'mandatory',
      minimisationJustification: 'minimisation', art9Condition: 'art9_condition_code', retention: 'active_period_code', 'retention.activePeriod': 'active_period_code',
      'retention.archivePeriod': 'archive_period_code', 'retention.startEvent': 'start_event_code', 'retention.legalReference': 'retention_reference',
      'retention.endAction': 'end_action_code', 'retention.unlimitedJustification': 'unlimited_justification',
    },
  },
  { key: 'data_subjects', list: 'dataSubjects', required: [['reference'], ['data_subject_category_code', 'data_subject_category']], fields: { category: 'data_subject_category_code', estimatedCount: 'estimated_count', vulnerable: 'vulnerable' } },
  { key: 'recipients', list: 'recipients', required: [['reference'], ['recipient_category_code', 'recipient_category']], fields: { category: 'recipient_category_code', name: 'recipient_name' } },
  { key: 'processors', list: 'processors', required: [['reference'], ['vendor']], fields: { '': 'vendor' } },
  { key: 'transfers', list: 'transfers', required: [['reference'], ['country_code', 'country']], fields: { country: 'country_code', recipient: 'transfer_recipient', mechanism: 'mechanism_code', documentation: 'documentation' } },
  { key: 'security_measures', list: 'securityMeasures', required: [['reference'], ['security_measure_code', 'security_measure']], fields: { '': 'security_measure_code' } },
  {
    key: 'dpia_screening',
    list: null,
    required: [['reference']],
    fields: { decision: 'dpia_decision_code', criteria: 'dpia_criteria_codes', onCnilRequiredList: 'cnil_required_code', onCnilExemptList: 'cnil_exempt_code', justification: 'dpia_justification', dismissed: 'dpia_dismissed' },
  },
];

const normalise = (text: string) => text.trim().toLowerCase();

/**
 * Names earlier exports wrote: the French « analyse préalable » became « pré-analyse AIPD », the
 * pages' term, on 2026-12-03. A workbook exported before still imports.
 */
const EARLIER_SHEET_NAMES: Record<string, string[]> = { dpia_screening: ['Analyse préalable AIPD'] };
const EARLIER_HEADERS: Record<string, string[]> = { dpia_decision: ['Décision de l’analyse préalable'] };

/** A sheet of the workbook with its columns found by header (French or English). */
class Sheet {
  readonly columns = new Map<string, number>();

  constructor(
    readonly rows: SheetRows,
    keys: string[],
  ) {
    const byHeader = new Map<string, string>();
    for (const key of keys) {
      for (const locale of LOCALES) byHeader.set(normalise(columnHeader(key, locale)), key);
      for (const earlier of EARLIER_HEADERS[key] ?? []) byHeader.set(normalise(earlier), key);
    }
    rows.header.forEach((text, index) => {
      const key = byHeader.get(normalise(text ?? ''));
      if (key && !this.columns.has(key)) this.columns.set(key, index);
    });
  }

  header(key: string): string | null {
    // A code column absent from the file: its label twin is the column the person filled.
    const index = this.columns.get(key) ?? (key.endsWith('_code') ? this.columns.get(key.slice(0, -'_code'.length)) : undefined);
    return index === undefined ? null : this.rows.header[index];
  }
}

/** A duration written in words or in ISO 8601, as ISO; other text as is, for validation to report. */
const durationOrText = (text: string | null): string | null => (text === null ? null : (durationFromWords(text) ?? text));

/** Every column key a spec may read: its fields, its required columns and the label twins of codes. */
function keysOf(spec: SheetSpec): string[] {
  const keys = new Set<string>([...Object.values(spec.fields), ...spec.required.flat()]);
  for (const key of [...keys]) if (key.endsWith('_code')) keys.add(key.slice(0, -'_code'.length));
  keys.add('reference');
  if (spec.key === 'dpia_screening') ['dpia_decision', 'dpia_criteria', 'cnil_required', 'cnil_exempt'].forEach((key) => keys.add(key));
  if (spec.key === 'security_measures') keys.add('security_measure');
  if (spec.key === 'register') ['status', 'role'].forEach((key) => keys.add(key));
  return [...keys];
}

export interface MappedWorkbook {
  items: Record<string, unknown>[];
  /** The version column of each item (Registre's export): the version the file was read at, or null. */
  versions: (number | null)[];
  locations: ItemLocation[];
  problems: ImportProblem[];
  /** Where an error of the activities' rules on `path` lies (sheet, row, column header). */
  place(location: ItemLocation, path: string): { sheet: string; row: number; column: string | null };
}

/**
 * Turns the workbook (Registre's export or its template) into activities in the interchange format —
 * the documents the JSON import takes — so the import applies exactly the same rules. Codes are read
 * from the code columns, or from the labels (either language) when only those are filled.
 */
export function mapWorkbook(workbook: SheetRows[], labels: CatalogueLabels): MappedWorkbook {
  const problems: ImportProblem[] = [];
  const sheets = new Map<string, Sheet>();
  for (const spec of SPECS) {
    const names = new Set([...LOCALES.map((locale) => sheetName(spec.key, locale)), ...(EARLIER_SHEET_NAMES[spec.key] ?? [])].map(normalise));
    const found = workbook.find((sheet) => names.has(normalise(sheet.name)));
    if (!found) {
      if (spec.key === 'register') problems.push({ sheet: sheetName('register', 'en'), row: null, column: null, code: 'missing_sheet', params: { sheet: `${sheetName('register', 'fr')} / ${sheetName('register', 'en')}` } });
      continue;
    }
    const sheet = new Sheet(found, keysOf(spec));
    for (const alternatives of spec.required) {
      if (!alternatives.some((key) => sheet.columns.has(key))) {
        problems.push({ sheet: found.name, row: 1, column: null, code: 'missing_column', params: { column: columnHeader(alternatives[0], 'fr') + ' / ' + columnHeader(alternatives[0], 'en') } });
      }
    }
    sheets.set(spec.key, sheet);
  }
  const place = (location: ItemLocation, path: string) => locate(sheets, location, path);
  if (problems.length) return { items: [], versions: [], locations: [], problems, place };

  const reader = (sheet: Sheet, row: { number: number; cells: Cell[] }) => {
    const problem = (key: string, code: string, params: Record<string, string> = {}) =>
      problems.push({ sheet: sheet.rows.name, row: row.number, column: sheet.header(key), code, params });
    const raw = (key: string): Cell => {
      const index = sheet.columns.get(key);
      const value = index === undefined ? null : (row.cells[index] ?? null);
      // A formula is reported once, by the row scan below; its cell reads as empty.
      return value !== null && typeof value === 'object' && !(value instanceof Date) ? null : value;
    };
    const text = (key: string): string | null => {
      const value = raw(key);
      if (value === null) return null;
      if (typeof value === 'object' && !(value instanceof Date)) return null;
      const string = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      const trimmed = unescapeText(string.trim());
      return trimmed === '' ? null : trimmed;
    };
    const code = (key: string, list: string): string | null => {
      const given = text(`${key}_code`);
      if (given !== null) return given;
      const label = text(key);
      if (label === null) return null;
      const found = list.startsWith('enum:') ? enumCode(list.slice('enum:'.length), label) : labels.codeOf(list, label);
      if (found === null) problem(key, 'unknown_code', { value: label });
      return found;
    };
    const bool = (key: string): boolean | undefined => {
      const value = raw(key);
      if (value === null) return undefined;
      if (typeof value === 'boolean') return value;
      const given = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      const found = enumCode('yes_no', given) ?? ({ true: 'yes', false: 'no', '1': 'yes', '0': 'no' } as Record<string, string>)[normalise(given)];
      if (!found) {
        problem(key, 'invalid_boolean');
        return undefined;
      }
      return found === 'yes';
    };
    const date = (key: string): string | null => {
      const value = raw(key);
      if (value === null) return null;
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      // A date cell read without its style is its serial number (days since 1899-12-30).
      if (typeof value === 'number' && value > 0 && value < 2_958_466) return new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
      problem(key, 'invalid_date');
      return null;
    };
    const integer = (key: string): number | null => {
      const value = raw(key);
      if (value === null || value === '') return null;
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/\s/g, '')) : NaN;
      if (!Number.isInteger(number)) {
        problem(key, 'invalid_number');
        return null;
      }
      return number;
    };
    // Formulas are refused wherever they are, even in columns the import does not read.
    row.cells.forEach((cell, index) => {
      if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
        problems.push({ sheet: sheet.rows.name, row: row.number, column: sheet.rows.header[index] || columnLetter(index), code: 'formula', params: {} });
      }
    });
    return { text, code, bool, date, integer, problem };
  };

  // The register sheet: one activity per row, keyed by reference.
  const register = sheets.get('register')!;
  const items: Record<string, unknown>[] = [];
  const locations: ItemLocation[] = [];
  const versions: (number | null)[] = [];
  const byReference = new Map<string, number>();
  for (const row of register.rows.rows) {
    const read = reader(register, row);
    const reference = read.text('reference');
    if (!reference) {
      read.problem('reference', 'required');
      continue;
    }
    if (byReference.has(reference)) {
      read.problem('reference', 'duplicate_reference', { reference });
      continue;
    }
    const item: Record<string, unknown> = {
      reference,
      name: read.text('name') ?? '',
      description: read.text('description'),
      role: read.code('role', 'enum:role'),
      status: read.code('status', 'enum:status') ?? 'draft',
      department: read.text('department'),
      owner: read.text('owner'),
      nextReviewDate: read.date('next_review_date'),
      dataSubjectInformation: read.text('data_subject_information'),
      rightsProcedure: read.text('rights_procedure'),
      jointControllers: [],
      clientControllers: [],
      purposes: [],
      dataSubjects: [],
      dataCategories: [],
      recipients: [],
      processors: [],
      transfers: [],
      securityMeasures: [],
    };
    const automated = read.bool('automated_decision_making');
    if (automated !== undefined) item.automatedDecisionMaking = automated;
    // The DPO's overrides as the export writes them: absent keeps what is stored.
    const overrides = readOverrideLines(read.text('validation_overrides'));
    if (overrides.unreadable !== null) read.problem('validation_overrides', 'validation_override_unreadable', { line: overrides.unreadable });
    else if (overrides.overrides.length) item.validationOverrides = overrides.overrides;
    byReference.set(reference, items.length);
    items.push(item);
    versions.push(read.integer('version'));
    locations.push({ row: row.number, lists: {}, dpiaRow: null });
  }

  // Detail sheets: each row joins its activity by reference, in the order of the sheet.
  const details = (key: string, build: (read: ReturnType<typeof reader>, item: Record<string, unknown>, location: ItemLocation, row: number) => void) => {
    const sheet = sheets.get(key);
    if (!sheet) return;
    for (const row of sheet.rows.rows) {
      const read = reader(sheet, row);
      const reference = read.text('reference');
      const index = reference === null ? undefined : byReference.get(reference);
      if (index === undefined) {
        read.problem('reference', reference === null ? 'required' : 'unknown_reference', { reference: reference ?? '' });
        continue;
      }
      build(read, items[index], locations[index], row.number);
    }
  };
  const push = (item: Record<string, unknown>, location: ItemLocation, list: string, value: unknown, row: number) => {
    (item[list] as unknown[]).push(value);
    (location.lists[list] ??= []).push(row);
  };

  details('parties', (read, item, location, row) => {
    const kind = read.code('party_kind', 'enum:party_kind');
    const list = kind === 'client' ? 'clientControllers' : 'jointControllers';
    push(item, location, list, { name: read.text('party_name') ?? '', contact: read.text('party_contact') }, row);
  });
  details('purposes', (read, item, location, row) => {
    const lia = { purpose: read.text('lia_purpose'), necessity: read.text('lia_necessity'), balancing: read.text('lia_balancing') };
    push(
      item,
      location,
      'purposes',
      {
        description: read.text('purpose') ?? '',
        main: read.bool('main') ?? false,
        legalBasis: read.code('legal_basis', 'legal-bases'),
        legalReference: read.text('legal_reference'),
        legitimateInterestAssessment: lia.purpose || lia.necessity || lia.balancing ? lia : null,
      },
      row,
    );
  });
  details('data_categories', (read, item, location, row) => {
    const retention = {
      // The code column holds the ISO duration; the label column the words (« 5 ans »), read back too.
      activePeriod: read.text('active_period_code') ?? durationOrText(read.text('active_period')),
      archivePeriod: read.text('archive_period_code') ?? durationOrText(read.text('archive_period')),
      startEvent: read.code('start_event', 'retention-start-events') ?? read.text('start_event'),
      legalReference: read.text('retention_reference'),
      endAction: read.code('end_action', 'enum:end_action'),
      unlimitedJustification: read.text('unlimited_justification'),
    };
    const hasRetention = Object.values(retention).some((value) => value !== null);
    push(
      item,
      location,
      'dataCategories',
      {
        category: read.code('data_category', 'data-categories') ?? '',
        description: read.text('description'),
        source: read.code('source', 'enum:source'),
        sourceDetail: read.text('source_detail'),
        mandatory: read.bool('mandatory') ?? false,
        minimisationJustification: read.text('minimisation'),
        art9Condition: read.code('art9_condition', 'art9-conditions'),
        retention: hasRetention ? { ...retention, endAction: retention.endAction ?? 'delete' } : null,
      },
      row,
    );
  });
  details('data_subjects', (read, item, location, row) => {
    const subject: Record<string, unknown> = { category: read.code('data_subject_category', 'data-subject-categories') ?? '', estimatedCount: read.integer('estimated_count') };
    const vulnerable = read.bool('vulnerable');
    if (vulnerable !== undefined) subject.vulnerable = vulnerable;
    push(item, location, 'dataSubjects', subject, row);
  });
  details('recipients', (read, item, location, row) => {
    push(item, location, 'recipients', { category: read.code('recipient_category', 'recipient-categories') ?? '', name: read.text('recipient_name') }, row);
  });
  details('processors', (read, item, location, row) => {
    const vendor = read.text('vendor');
    if (vendor) push(item, location, 'processors', vendor, row);
  });
  details('transfers', (read, item, location, row) => {
    push(
      item,
      location,
      'transfers',
      { country: read.code('country', 'countries') ?? '', recipient: read.text('transfer_recipient'), mechanism: read.code('mechanism', 'transfer-mechanisms'), documentation: read.text('documentation') },
      row,
    );
  });
  details('security_measures', (read, item, location, row) => {
    let measure = read.text('security_measure_code');
    if (measure === null) {
      const label = read.text('security_measure');
      if (label === null) return;
      measure = labels.codeOf('security-measures', label) ?? `${FREE_MEASURE_PREFIX}${label}`;
    }
    push(item, location, 'securityMeasures', measure, row);
  });
  details('dpia_screening', (read, item, location, row) => {
    const criteriaCodes = read.text('dpia_criteria_codes');
    const criteria = criteriaCodes !== null
      ? criteriaCodes.split(',').map((code) => code.trim()).filter(Boolean)
      : (read.text('dpia_criteria') ?? '').split('\n').map((label) => label.trim()).filter(Boolean).map((label) => labels.codeOf('dpia-criteria', label) ?? label);
    item.dpiaScreening = {
      criteria,
      onCnilRequiredList: read.code('cnil_required', 'dpia-cnil-required'),
      onCnilExemptList: read.code('cnil_exempt', 'dpia-cnil-exempt'),
      decision: read.code('dpia_decision', 'enum:dpia_decision') ?? 'to_assess',
      justification: read.text('dpia_justification'),
    };
    // « label : reason » per line, as the export writes it; the label may also be the code.
    const dismissed = (read.text('dpia_dismissed') ?? '')
      .split('\n')
      .map((line) => /^(.+?)\s?:\s(.+)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ criterion: labels.codeOf('dpia-criteria', match[1].trim()) ?? match[1].trim(), reason: match[2].trim() }));
    if (dismissed.length) (item.dpiaScreening as Record<string, unknown>).dismissed = dismissed;
    location.dpiaRow = row;
  });

  return { items, versions, locations, problems, place };

  function enumCode(kind: string, text: string): string | null {
    const wanted = normalise(text);
    for (const code of ENUMS[kind] ?? []) {
      if (code === text) return code;
      for (const locale of LOCALES) if (normalise(enumLabel({ locale }, kind, code) ?? '') === wanted) return code;
    }
    return null;
  }
}

/** Where the service's error on `path` of an activity lies in the workbook. */
function locate(sheets: Map<string, Sheet>, location: ItemLocation, path: string): { sheet: string; row: number; column: string | null } {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  const top = match?.[1] ?? '';
  const index = match?.[2] !== undefined ? Number(match[2]) : null;
  const rest = match?.[3] ?? '';
  const at = (key: string, row: number, field: string) => {
    const spec = SPECS.find((candidate) => candidate.key === key)!;
    const sheet = sheets.get(key);
    const column = spec.fields[field] ?? spec.fields[field.split(/[.[]/)[0]] ?? '';
    return { sheet: sheet?.rows.name ?? sheetName(key, 'en'), row, column: sheet?.header(column) ?? null };
  };
  const listSpec = SPECS.find((spec) => spec.list === top) ?? (top === 'jointControllers' || top === 'clientControllers' ? SPECS.find((spec) => spec.key === 'parties') : undefined);
  if (listSpec && index !== null && location.lists[top]?.[index] !== undefined) return at(listSpec.key, location.lists[top][index], rest);
  if (top === 'dpiaScreening' && location.dpiaRow !== null) return at('dpia_screening', location.dpiaRow, rest);
  return at('register', location.row, top);
}

function columnLetter(index: number): string {
  let letter = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
