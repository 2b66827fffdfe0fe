import { renderToStaticMarkup } from 'react-dom/server';

import type { ImportReport } from '@/features/exports/exports-api';
import { I18nProvider } from '@/i18n/i18n-provider';
import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';

import { ReportView } from './import-report';

const EMPTY: ImportReport = { dryRun: true, valid: true, activities: 2, created: [], updated: [], createdDepartments: [], createdVendors: [], errors: [], warnings: [] };

function render(report: ImportReport, locale: 'fr' | 'en' = 'fr'): string {
  const text = renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === 'fr' ? fr : en}>
      <ReportView report={report} />
    </I18nProvider>,
  );
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the import report, in words', () => {
  const updated: ImportReport = {
    ...EMPTY,
    updated: [{ reference: 'T-0001', name: 'Gestion de la paie', changes: ['dataCategories', 'dpiaScreening', 'nextReviewDate', 'automatedDecisionMaking'] }],
  };

  it('names the fields an update changes by their labels, never by their API names', () => {
    const french = render(updated);
    expect(french).toContain('T-0001 — Gestion de la paie (champs modifiés : Données personnelles, Pré-analyse AIPD, Prochaine revue, Décision automatisée (article 22))');
    expect(render(updated, 'en')).toContain('fields changed: Personal data, DPIA screening, Next review, Automated decision-making (Article 22)');
    expect(french).not.toMatch(/dataCategories|dpiaScreening|nextReviewDate|automatedDecisionMaking/);
  });

  it('says when the file matches the register and there is nothing to import', () => {
    expect(render(EMPTY)).toContain('Le fichier correspond déjà au registre : rien à créer ni à modifier.');
    expect(render(updated)).not.toContain('Le fichier correspond déjà au registre');
  });

  it('heads the warnings « Avertissement », the errors « Erreur »', () => {
    const problem = { sheet: 'Registre', row: 3, column: 'Statut (code)', code: 'validated_awaiting_dpo', message: 'T-0001 est « validée » dans le fichier mais arrive « en revue ».' };
    expect(render({ ...EMPTY, warnings: [problem] })).toContain('Feuille Ligne Colonne Avertissement');
    expect(render({ ...EMPTY, valid: false, errors: [problem] })).toContain('Feuille Ligne Colonne Erreur');
  });
});
