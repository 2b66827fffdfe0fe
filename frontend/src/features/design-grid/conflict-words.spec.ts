import { EMPTY_CATALOGUES } from '@/features/activities/catalogue';
import type { DiffContext } from '@/features/activities/history-diff';
import type { CatalogueItem } from '@/features/activities/types';
import { catalogues as messages } from '@/i18n/catalogues';

import { conflictRows } from './conflict-words';

const item = (code: string, en: string, fr: string): CatalogueItem => ({ code, en, fr, help: null, custom: false });
const catalogues = {
  ...EMPTY_CATALOGUES,
  'legal-bases': [item('consent', 'Consent', 'Consentement'), item('legitimate_interests', 'Legitimate interests', 'Intérêt légitime')],
  'data-categories': [item('identity', 'Identity', 'Identité'), item('location', 'Location data', 'Données de localisation')],
  'security-measures': [item('encryption', 'Encryption', 'Chiffrement'), item('backup', 'Backups', 'Sauvegardes')],
};
const context = (locale: 'fr' | 'en'): DiffContext => ({
  locale,
  messages: messages[locale],
  catalogues,
  countryName: (code) => (code === 'US' ? (locale === 'fr' ? 'États-Unis' : 'United States') : code),
});

/** Nothing a person reads may be a code, a field path, JSON or an ISO duration. */
function expectWords(text: string): void {
  expect(text).not.toMatch(/[{}[\]"]|\bP\d+[YMWD]\b|_|\w\.\w|legalBasis|activePeriod/);
}

describe('a grid conflict in words (your answer / the DPO’s edit)', () => {
  it('names each part that differs with the register’s labels and shows both versions in words', () => {
    const rows = conflictRows(
      {
        field: 'purposes',
        gridValue: [
          { description: 'Mettre en relation les agents', main: true, legalBasis: 'consent', legalReference: null, legitimateInterestAssessment: null },
          { description: 'Statistiques d’usage', main: false, legalBasis: 'legitimate_interests', legalReference: null, legitimateInterestAssessment: null },
        ],
        activityValue: [
          { description: 'Mettre en relation les agents', main: true, legalBasis: 'legitimate_interests', legalReference: null, legitimateInterestAssessment: null },
          { description: 'Statistiques d’usage', main: false, legalBasis: 'legitimate_interests', legalReference: null, legitimateInterestAssessment: null },
        ],
      },
      context('fr'),
    );
    expect(rows).toEqual([{ path: 'purposes[0].legalBasis', label: 'Finalité 1 › Base légale (article 6(1))', yours: 'Consentement', theirs: 'Intérêt légitime' }]);
  });

  it('writes retention periods in words and a list of measures as one line', () => {
    const retention = conflictRows(
      {
        field: 'dataCategories',
        gridValue: [{ category: 'location', retention: { activePeriod: 'P1M', archivePeriod: null, startEvent: null, endAction: null } }],
        activityValue: [{ category: 'location', retention: { activePeriod: 'P1Y', archivePeriod: 'P5Y', startEvent: null, endAction: null } }],
      },
      context('fr'),
    );
    expect(retention.map((row) => [row.label, row.yours, row.theirs])).toEqual([
      ['Données de localisation › Conservation en base active', '1 mois', '1 an'],
      ['Données de localisation › Puis en archivage intermédiaire', '—', '5 ans'],
    ]);
    const measures = conflictRows({ field: 'securityMeasures', gridValue: ['encryption', 'other:Revue des accès'], activityValue: ['encryption', 'backup'] }, context('en'));
    expect(measures).toEqual([{ path: 'securityMeasures', label: 'Security measures', yours: 'Encryption, Revue des accès', theirs: 'Encryption, Backups' }]);
    for (const row of [...retention, ...measures]) for (const text of [row.label, row.yours, row.theirs]) expectWords(text);
  });

  it('shows a removed row and a text field, in either language', () => {
    const rows = conflictRows({ field: 'dataSubjectInformation', gridValue: 'Mention à l’inscription', activityValue: 'Mention « RGPD » sur l’intranet' }, context('en'));
    expect(rows).toEqual([{ path: 'dataSubjectInformation', label: 'Information of data subjects', yours: 'Mention à l’inscription', theirs: 'Mention « RGPD » sur l’intranet' }]);
    const transfers = conflictRows({ field: 'transfers', gridValue: [{ country: 'US', recipient: 'Cartes Inc.', mechanism: null, documentation: null }], activityValue: [] }, context('fr'));
    expect(transfers.map((row) => [row.label, row.yours, row.theirs])).toEqual([
      ['Transfert 1 › Pays', 'États-Unis', '—'],
      ['Transfert 1 › Destinataire', 'Cartes Inc.', '—'],
    ]);
  });
});
