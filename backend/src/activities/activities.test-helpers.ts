import { Client } from 'pg';
import type { TestApi } from '../../test/test-api';

/** An activity in the interchange format that passes every register rule. */
export function completeActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Gestion de la paie',
    description: 'Calcul et versement des salaires, déclarations sociales.',
    role: 'controller',
    purposes: [
      { description: 'Établir les bulletins de paie', main: true, legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L3243-2' },
      {
        description: 'Détecter les anomalies de paie',
        main: false,
        legalBasis: 'legitimate_interests',
        legitimateInterestAssessment: { purpose: 'Éviter les erreurs de versement', necessity: 'Contrôles limités aux écarts', balancing: 'Aucun impact défavorable attendu' },
      },
    ],
    dataSubjects: [{ category: 'employees', estimatedCount: 240 }],
    dataCategories: [
      {
        category: 'identity',
        description: 'Nom, prénom, adresse',
        source: 'direct',
        mandatory: true,
        minimisationJustification: 'Nécessaire au bulletin',
        retention: { activePeriod: 'P5Y', archivePeriod: null, startEvent: 'transaction_or_debit', legalReference: 'Code du travail, art. L3243-4', endAction: 'delete' },
      },
    ],
    recipients: [{ category: 'internal_service', name: 'Service paie' }],
    // Processors name vendors of the organisation (an unknown name is refused): none here, tests add them.
    processors: [],
    transfers: [],
    securityMeasures: ['access_control', 'encryption', 'other:coffre-fort numérique'],
    dataSubjectInformation: 'Notice RH remise à l’embauche.',
    rightsProcedure: 'Demandes au service RH ou au DPO, réponse sous un mois.',
    automatedDecisionMaking: false,
    // Employees count as vulnerable by default (WP248); for payroll the DPO finds it not met, and says why.
    dpiaScreening: {
      criteria: ['sensitive_or_highly_personal_data'],
      decision: 'not_required',
      dismissed: [{ criterion: 'vulnerable_data_subjects', reason: 'Paie : ni surveillance ni évaluation des salariés, calcul prévu par la loi' }],
    },
    nextReviewDate: '2027-05-25',
    ...overrides,
  };
}

/** Reads the database as its owner (past row-level security), to check what a request left behind. */
export async function asOwner<T>(api: TestApi, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: api.database.superuserUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function countRows(api: TestApi, activityId: string): Promise<{ versions: number; events: number }> {
  return asOwner(api, async (client) => {
    const result = await client.query<{ versions: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM activity_versions WHERE activity_id = $1) AS versions,
              (SELECT count(*)::int FROM audit_events WHERE entity_type = 'Activity' AND entity_id = $1) AS events`,
      [activityId],
    );
    return result.rows[0];
  });
}
