import countries from '../domain/catalogues/data/countries.json';
import dataCategories from '../domain/catalogues/data/data-categories.json';
import subjectCategories from '../domain/catalogues/data/data-subject-categories.json';
import transferMechanisms from '../domain/catalogues/data/transfer-mechanisms.json';
import { transferFactsFrom } from '../domain/transfers/transfer-status';
import { gridFactsFrom } from './design-grid-mapping';
import type { GridAnswers } from '../domain/design-grids/design-grid.types';

/** The shipped catalogues, as the catalogue sync loads them (code, labels and help apart, the rest are facts). */
const asRows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map((item) => {
    const { code, fr: _fr, en: _en, help: _help, ...facts } = item;
    return { code, facts: facts };
  });

export const shippedGridFacts = () =>
  gridFactsFrom(asRows(dataCategories.items), asRows(subjectCategories.items), transferFactsFrom(asRows(countries.items), asRows(transferMechanisms.items), new Date().toISOString().slice(0, 10)));

/** "Application de covoiturage pour les agents": location data, employees, a US map provider. */
export function carpoolAnswers(): Required<GridAnswers> {
  return {
    purposes: {
      purposes: [
        { id: 'p1', description: 'Mettre en relation les agents qui font le même trajet domicile-travail', main: true },
        { id: 'p2', description: 'Mesurer l’usage du service pour le plan de mobilité', main: false },
      ],
      practices: [],
      note: null,
    },
    legitimacy: {
      bases: [
        { purposeId: 'p1', legalBasis: 'consent' },
        { purposeId: 'p2', legalBasis: 'legitimate_interests', interest: 'Piloter le plan de mobilité', necessity: 'Statistiques agrégées seulement', balancing: 'Aucune décision individuelle' },
      ],
    },
    data: {
      subjects: [{ category: 'employees', estimatedCount: 1200 }],
      largeScale: false,
      dataCategories: [
        { category: 'identity', description: 'Nom, prénom, service', source: 'direct', mandatory: true },
        { category: 'location', description: 'Adresses de départ et d’arrivée, trajets', source: 'direct', mandatory: true },
      ],
      recipients: [{ category: 'internal_service', name: 'Direction des ressources humaines' }],
      processors: [{ name: 'Cartographie Globale Inc.', country: 'US', mechanism: null }],
    },
    minimisation: {
      justifications: [
        { category: 'identity', justification: 'Les agents doivent savoir avec qui ils voyagent' },
        { category: 'location', justification: 'Seuls les points de départ et d’arrivée, arrondis au quartier' },
      ],
    },
    retention: {
      rules: [
        { category: 'identity', activePeriod: 'P0D', archivePeriod: null, startEvent: 'end_of_employment', endAction: 'delete' },
        { category: 'location', activePeriod: 'P3M', startEvent: 'last_activity', endAction: 'anonymise' },
      ],
    },
    information: { description: 'Notice affichée à l’inscription dans l’application et sur l’intranet.' },
    rights: { description: 'Demandes au DPO via le formulaire intranet ; suppression du compte dans l’application.' },
    security: { measures: ['authentication', 'encryption'], otherMeasures: ['Revue des accès chaque trimestre'] },
    resilience: { measures: ['backup', 'incident_management'], incidentProcedure: 'Procédure de violation du SI', patching: 'Mises à jour mensuelles', rollback: 'Retour à la version précédente' },
    documentation: { documents: [{ kind: 'notice', state: 'planned' }, { kind: 'dpa', state: 'planned' }] },
  };
}
