import { catalogues } from '@/i18n/catalogues';

import { EMPTY_CATALOGUES } from './catalogue';
import { describeDiff, describeFieldPath, formatDate, formatFieldValue, pathTokens, type DiffContext } from './history-diff';
import type { CatalogueItem } from './types';

const item = (code: string, en: string, fr: string): CatalogueItem => ({ code, en, fr, help: null, custom: false });

const context: DiffContext = {
  locale: 'en',
  messages: catalogues.en,
  catalogues: {
    ...EMPTY_CATALOGUES,
    'legal-bases': [item('contract', 'Contract', 'Exécution d’un contrat')],
    'security-measures': [item('encryption', 'Encryption', 'Chiffrement')],
    'data-categories': [item('health', 'Health data', 'Données de santé')],
    'dpia-criteria': [item('vulnerable_data_subjects', 'Vulnerable data subjects', 'Personnes vulnérables')],
  },
  countryName: (code) => (code === 'US' ? 'United States' : code),
};

describe('a readable version diff', () => {
  it('splits a path into names and positions', () => {
    expect(pathTokens('purposes[0].legitimateInterestAssessment.purpose')).toEqual(['purposes', 0, 'legitimateInterestAssessment', 'purpose']);
  });

  it('writes the DPO’s dismissed screening criteria in words, never as JSON', () => {
    const dismissed = [{ criterion: 'vulnerable_data_subjects', reason: 'No monitoring or appraisal of staff' }];
    expect(describeFieldPath('dpiaScreening.dismissed', catalogues.en)).toBe('Criteria the DPO found not met');
    expect(describeFieldPath('dpiaScreening.dismissed[0].reason', catalogues.en)).toBe('Criteria the DPO found not met');
    expect(formatFieldValue('dpiaScreening.dismissed', dismissed, context)).toBe('Vulnerable data subjects: No monitoring or appraisal of staff');
    expect(formatFieldValue('dpiaScreening.dismissed[0].criterion', 'vulnerable_data_subjects', context)).toBe('Vulnerable data subjects');
  });

  it('names fields in words', () => {
    const messages = catalogues.en;
    expect(describeFieldPath('purposes[0].legalBasis', messages)).toBe('Purpose 1 › Legal basis (Article 6(1))');
    expect(describeFieldPath('dataCategories[1].retention.activePeriod', messages)).toBe('Data category 2 › Retention in the active base');
    expect(describeFieldPath('securityMeasures[3]', messages)).toBe('Security measures');
    expect(describeFieldPath('dpiaScreening.criteria[0]', messages)).toBe('DPIA screening: criteria met');
    expect(describeFieldPath('dpiaScreening.decision', messages)).toBe('DPIA screening: decision');
    expect(describeFieldPath('status', messages)).toBe('Status');
    expect(describeFieldPath('somethingNew', messages)).toBe('somethingNew');
    expect(describeFieldPath('purposes[0].legalBasis', catalogues.fr)).toBe('Finalité 1 › Base légale (article 6(1))');
  });

  it('shows values in words', () => {
    expect(formatFieldValue('purposes[0].legalBasis', 'contract', context)).toBe('Contract');
    expect(formatFieldValue('purposes[0].legalBasis', null, context)).toBe('—');
    expect(formatFieldValue('status', 'in_review', context)).toBe('In review');
    expect(formatFieldValue('securityMeasures[1]', 'other:Badge access', context)).toBe('Badge access');
    expect(formatFieldValue('securityMeasures[0]', 'encryption', context)).toBe('Encryption');
    expect(formatFieldValue('dataCategories[0].retention.activePeriod', 'P5Y', context)).toBe('5 years');
    expect(formatFieldValue('dataCategories[0].mandatory', true, context)).toBe('Yes');
    expect(formatFieldValue('dataSubjects[0].estimatedCount', 1200, context)).toBe('1,200');
    expect(formatFieldValue('transfers[0].country', 'US', context)).toBe('United States');
    expect(formatFieldValue('nextReviewDate', '2027-05-25', context)).toBe('25 May 2027');
    expect(formatFieldValue('dataCategories[0].category', 'own_code', context)).toBe('own_code');
    expect(formatDate('2027-05-25', 'fr')).toBe('25 mai 2027');
  });

  it('turns the API’s diff into rows in page order, without ids and empty-list noise', () => {
    // GET …/versions/1/diff/3 as the API answered it.
    const rows = describeDiff(
      {
        'purposes[0].legalBasis': { before: null, after: 'contract' },
        securityMeasures: { before: [], after: null },
        'securityMeasures[0]': { before: null, after: 'encryption' },
        'securityMeasures[1]': { before: null, after: 'other:Badge access' },
        status: { before: 'draft', after: 'in_review' },
        ownerId: { before: 'a', after: 'b' },
        owner: { before: 'a@example.com', after: 'b@example.com' },
      },
      context,
    );
    expect(rows.map(({ label, before, after }) => [label, before, after])).toEqual([
      ['Status', 'Draft', 'In review'],
      ['Owner', 'a@example.com', 'b@example.com'],
      ['Purpose 1 › Legal basis (Article 6(1))', '—', 'Contract'],
      ['Security measures', '—', 'Encryption'],
      ['Security measures', '—', 'Badge access'],
    ]);
  });
});
