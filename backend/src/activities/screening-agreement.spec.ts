/**
 * Issue #17 "Done when": the same activities through every place that states a DPIA screening result —
 * the activity save (stored decision), the findings and the dashboard, the design grid, validation and
 * the export rows — give the same answer as the shared rule (screening-criteria.ts), under the default
 * large-scale threshold and under thresholds a DPO sets (WP248 criterion 5 leaves the figure to them).
 */
import countries from '../domain/catalogues/data/countries.json';
import transferMechanisms from '../domain/catalogues/data/transfer-mechanisms.json';
import { validationBlockers } from '../domain/activities/activity-rules';
import type { DpiaScreeningDecision } from '../domain/activities/activity.types';
import { screenActivity, type ScreeningThresholds } from '../domain/activities/screening-criteria';
import type { GridAnswers } from '../domain/design-grids/design-grid.types';
import { transferFactsFrom } from '../domain/transfers/transfer-status';
import { catalogueActivityFacts } from '../database/synthetic/synthetic-content';
import { dashboardFigures } from '../dashboard/dashboard-figures';
import { assessDpia } from '../design-grids/design-grid-mapping';
import { shippedGridFacts } from '../design-grids/design-grid.test-helpers';
import { CatalogueLabels } from '../exports/catalogue-labels';
import type { ExportContext } from '../exports/sheet-writer';
import { dpiaScreeningSheet } from '../exports/sheets/dpia-screening.sheet';
import type { ActivityRow } from '../findings/finding.types';
import { computeFindings } from '../findings/findings-engine';
import { buildContent } from './activity-document';
import type { CreateActivityDto } from './dto/activity.dto';

const asRows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map(({ code, fr: _fr, en: _en, help: _help, ...facts }) => ({ code, facts }));
const facts = catalogueActivityFacts();
const transferFacts = transferFactsFrom(asRows(countries.items), asRows(transferMechanisms.items), '2026-12-03');
const labels = new CatalogueLabels();

/** The organisation thresholds the cases run under: the default, a higher and a lower one a DPO could set. */
const THRESHOLDS = [10_000, 50_000, 1_000] as const;
type Threshold = (typeof THRESHOLDS)[number];

interface Case {
  name: string;
  subjects: { category: string; estimatedCount: number }[];
  data: { category: string; art9Condition?: string }[];
  dismissed?: { criterion: string; reason: string }[];
  /** The decision under each threshold; one value when the threshold makes no difference. */
  expected: DpiaScreeningDecision | Record<Threshold, DpiaScreeningDecision>;
}

const CASES: Case[] = [
  { name: 'Paie des salariés (subordination, données financières)', subjects: [{ category: 'employees', estimatedCount: 240 }], data: [{ category: 'identity' }, { category: 'economic_financial' }], expected: 'required' },
  {
    name: 'Paie, le DPO écarte la vulnérabilité avec un motif',
    subjects: [{ category: 'employees', estimatedCount: 240 }],
    data: [{ category: 'identity' }, { category: 'economic_financial' }],
    dismissed: [{ criterion: 'vulnerable_data_subjects', reason: 'Ni surveillance ni évaluation : un calcul imposé par le Code du travail' }],
    expected: 'to_assess',
  },
  { name: 'Covoiturage des agents (géolocalisation)', subjects: [{ category: 'employees', estimatedCount: 1200 }], data: [{ category: 'identity' }, { category: 'location' }], expected: 'required' },
  { name: 'Inscriptions à la cantine (mineurs)', subjects: [{ category: 'minors', estimatedCount: 300 }], data: [{ category: 'identity' }], expected: 'to_assess' },
  {
    name: 'Lettre d’information « Quoi de neuf ? » (45 000 abonnés : grande échelle sauf au-delà de 50 000)',
    subjects: [{ category: 'customers', estimatedCount: 45_000 }],
    data: [{ category: 'identity' }],
    expected: { 10_000: 'to_assess', 50_000: 'not_required', 1_000: 'to_assess' },
  },
  {
    name: 'Carte de la médiathèque (6 000 usagers dont 300 mineurs : grande échelle à partir de 1 000)',
    subjects: [
      { category: 'customers', estimatedCount: 6_000 },
      { category: 'minors', estimatedCount: 300 },
    ],
    data: [{ category: 'identity' }],
    expected: { 10_000: 'to_assess', 50_000: 'to_assess', 1_000: 'required' },
  },
  { name: 'Contacts des fournisseurs', subjects: [{ category: 'suppliers_contacts', estimatedCount: 80 }], data: [{ category: 'identity' }, { category: 'professional_life' }], expected: 'not_required' },
  { name: 'Médecine du travail (santé, art. 9)', subjects: [{ category: 'employees', estimatedCount: 240 }], data: [{ category: 'health', art9Condition: 'art9_2_h' }], expected: 'required' },
];

const expectedUnder = (entry: Case, threshold: Threshold): DpiaScreeningDecision => (typeof entry.expected === 'string' ? entry.expected : entry.expected[threshold]);

function saved(entry: Case, index: number, thresholds: ScreeningThresholds): ActivityRow {
  const input = {
    name: entry.name,
    role: 'controller',
    dataSubjects: entry.subjects,
    dataCategories: entry.data.map((item) => ({ category: item.category, art9Condition: item.art9Condition ?? null, retention: { activePeriod: 'P1Y' } })),
    dpiaScreening: { criteria: [], decision: 'to_assess', ...(entry.dismissed ? { dismissed: entry.dismissed } : {}) },
  } as unknown as CreateActivityDto;
  const content = buildContent(input, null, facts, thresholds);
  return {
    id: `10000000-0000-4000-8000-00000000000${index}`,
    reference: `T-000${index + 1}`,
    name: entry.name,
    status: 'validated',
    role: 'controller',
    departmentId: null,
    ownerId: null,
    nextReviewDate: '2027-05-25',
    updatedAt: new Date('2026-11-20T10:00:00Z'),
    purposes: content.purposes,
    dataSubjects: content.dataSubjects,
    dataCategories: content.dataCategories,
    dataSubjectInformation: content.dataSubjectInformation,
    rightsProcedure: content.rightsProcedure,
    jointControllers: [],
    clientControllers: [],
    processors: [],
    transfers: [],
    dpiaScreening: content.dpiaScreening,
  };
}

const gridAnswers = (entry: Case): GridAnswers => ({
  data: { subjects: entry.subjects, dataCategories: entry.data, recipients: [], processors: [] },
});

describe.each(THRESHOLDS)('one screening everywhere: save, findings, dashboard, grid, validation and exports agree (issue #17), large scale from %i persons', (largeScalePersons) => {
  const thresholds = { largeScalePersons };
  const rows = CASES.map((entry, index) => saved(entry, index, thresholds));
  const evaluation = computeFindings(
    {
      organizationId: '00000000-0000-4000-8000-000000000000',
      today: '2026-12-03',
      activities: rows,
      vendors: [],
      processorsByActivity: new Map(),
      dpiasByActivity: new Map(),
    },
    { rules: facts, transfers: transferFacts },
  );

  it.each(CASES.map((entry, index) => [entry.name, entry, index] as const))('%s', (_name, entry, index) => {
    const row = rows[index];
    const expected = expectedUnder(entry, largeScalePersons);
    // The rule itself, on the stored document.
    const rule = screenActivity({ ...row, automatedDecisionMaking: false }, facts, thresholds, row.dpiaScreening).outcome.decision;
    expect(rule).toBe(expected);
    // The activity save stores it.
    expect(row.dpiaScreening.decision).toBe(expected);

    // Findings: required and not started, or one criterion awaiting the DPO.
    const dpiaFindings = evaluation.findings.filter((finding) => finding.recordId === row.id && finding.code.startsWith('dpia_')).map((finding) => finding.code);
    expect(dpiaFindings).toEqual(expected === 'required' ? ['dpia_required_missing'] : expected === 'to_assess' ? ['dpia_screening_undecided'] : []);

    // Validation: a required DPIA not validated blocks.
    const blockers = validationBlockers({ transfers: [], processors: [], dpiaDecision: rule, dpiaStatus: null }).map((blocker) => blocker.code);
    expect(blockers.includes('dpia_not_validated')).toBe(expected === 'required');

    // The design grid, on the same facts (the grid has no dismissal: the DPO records it on the activity).
    if (!entry.dismissed) expect(assessDpia(gridAnswers(entry), { ...shippedGridFacts(), thresholds }).decision).toBe(expected);

    // The export row: the decision stored, and every counted criterion named with its reason in words.
    const ctx = { locale: 'fr', labels, facts, thresholds } as unknown as ExportContext;
    const [item] = dpiaScreeningSheet.spec.items(
      { reference: row.reference, document: { ...row, automatedDecisionMaking: false } } as never,
      ctx,
    );
    const column = (key: string) => dpiaScreeningSheet.spec.columns.find((candidate) => candidate.key === key)!.value(item, ctx);
    expect(column('dpia_decision_code')).toBe(expected);
    const reasons = String(column('dpia_criteria_reasons') ?? '');
    const criteria = screenActivity({ ...row, automatedDecisionMaking: false }, facts, thresholds).criteria;
    for (const criterion of criteria) expect(reasons).toContain(labels.label('dpia-criteria', criterion.code, 'fr'));
    // Large scale is named exactly when the threshold makes it so, with the threshold in force.
    const large = criteria.some((criterion) => criterion.code === 'large_scale');
    expect(reasons.includes(labels.label('dpia-criteria', 'large_scale', 'fr')!)).toBe(large);
    if (large) expect(reasons).toContain(largeScalePersons.toLocaleString('fr-FR').replace(/\s/g, '\u202f'));
    expect(reasons).not.toMatch(/[a-z]+_[a-z_]+/); // words, never a code
  });

  it('the dashboard counts the required DPIAs not started as the findings do', () => {
    const figures = dashboardFigures({ ...evaluation, data: { organizationId: '', today: '2026-12-03', activities: rows, vendors: [], processorsByActivity: new Map(), dpiasByActivity: new Map() } }, transferFacts, new Map());
    expect(figures).toMatchObject({ dpiasRequiredMissing: CASES.filter((entry) => expectedUnder(entry, largeScalePersons) === 'required').length });
  });
});
