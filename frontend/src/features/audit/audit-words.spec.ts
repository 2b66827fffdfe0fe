import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ACTIVITY_TRANSITIONS } from '@domain/activities/activity-workflow';
import { DPIA_TRANSITIONS } from '@domain/dpias/dpia-rules';
import { REQUEST_TRANSITIONS } from '@domain/rights-requests/rights-request.types';

import en from '@/i18n/messages/en.json';
import fr from '@/i18n/messages/fr.json';
import { EMPTY_CATALOGUES } from '@/features/activities/catalogue';
import { createTranslator, lookup } from '@/i18n/translate';

import { AUDIT_ACTIONS, ENTITY_TYPES } from './audit-query';
import { actionLabel, auditChangeRows, entityLabel, type AuditWordsContext } from './audit-words';

const DENIS = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const context = (locale: 'fr' | 'en'): AuditWordsContext => ({
  t: createTranslator(locale === 'fr' ? fr : en),
  messages: locale === 'fr' ? fr : en,
  locale,
  people: new Map([[DENIS, 'Denis Délégué']]),
});

/**
 * The actions the server's code writes to the trail: the literals of `action:` and of the activity
 * and vendor versions, the prefixed ones of the DPIA, rights-request and breach services (`dpia_${action}`)
 * with the literals and transitions they pass. A new action on the server fails the test below until
 * it has its words (and its place in the trail's filter).
 */
function actionsTheServerWrites(): Set<string> {
  const backendSrc = resolve(__dirname, '../../../../backend/src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'synthetic' ? [] : files(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  const quoted = (text: string) => [...text.matchAll(/'(\w+)'/g)].map((match) => match[1] ?? '');
  const actions = new Set<string>([...ACTIVITY_TRANSITIONS]);
  for (const file of files(backendSrc)) {
    const source = readFileSync(file, 'utf8');
    for (const [, expression = ''] of source.matchAll(/\baction: ([^,}\n]+)/g)) for (const action of quoted(expression)) actions.add(action);
    for (const [line = ''] of source.matchAll(/\.(recordVersion|insertMany)\(.*/g)) for (const action of quoted(line)) actions.add(action);
    // A service's own `record(…, action, …)` helper: its callers name the action, prefixed when it adds one.
    const prefix = /\baction: `(\w+_)\$\{action\}`/.exec(source)?.[1];
    if (prefix || source.includes('private async record(action: string')) {
      for (const [line = ''] of source.matchAll(/this\.(record|save)\(.*/g)) for (const action of quoted(line)) actions.add(`${prefix ?? ''}${action}`);
    }
  }
  for (const transition of Object.keys(DPIA_TRANSITIONS)) actions.add(`dpia_${transition}`);
  for (const transition of REQUEST_TRANSITIONS) actions.add(`rights_request_${transition}`);
  return actions;
}

describe('the audit trail in words', () => {
  it('has words and a filter entry for every action the server writes', () => {
    const written = [...actionsTheServerWrites()].sort();
    // The scan finds what it should (a regression of the scan would pass vacuously).
    expect(written).toEqual(expect.arrayContaining(['rescreen', 'outside_public_tasks_record', 'outside_public_tasks_withdraw', 'adequacy_scope_confirmed', 'dpia_consultation_answer', 'rights_request_tasks', 'breach_update', 'validate', 'resolve']));
    for (const [locale, messages] of [['fr', fr], ['en', en]] as const) {
      expect({ locale, unnamed: written.filter((action) => lookup(messages, `audit.actions.${action}`) === undefined) }).toEqual({ locale, unnamed: [] });
    }
    expect({ notInFilter: written.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action)) }).toEqual({ notInFilter: [] });
  });

  it('says a re-screening after a new large-scale threshold in words, and names the threshold', () => {
    expect(actionLabel('rescreen', context('fr'))).toBe('Pré-analyse AIPD recalculée (seuil de grande échelle modifié)');
    expect(actionLabel('rescreen', context('en'))).toBe('DPIA screening settled again (large-scale threshold changed)');
    const changes = { largeScalePersons: { before: 10_000, after: 50_000 } };
    expect(auditChangeRows({ entityType: 'Organization', changes }, context('fr'))).toEqual([{ field: 'Seuil de grande échelle (personnes concernées)', before: '10\u202f000', after: '50\u202f000' }]);
    expect(auditChangeRows({ entityType: 'Organization', changes }, context('en'))).toEqual([{ field: 'Large-scale threshold (persons concerned)', before: '10,000', after: '50,000' }]);
  });

  it('names every action and record type the server writes, in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const action of AUDIT_ACTIONS) expect(actionLabel(action, context(locale))).not.toMatch(/_|^[a-z]+[A-Z]/);
      for (const type of ENTITY_TYPES) expect([type, lookup(locale === 'fr' ? fr : en, `audit.entities.${type}`)]).toEqual([type, entityLabel(type, context(locale))]);
    }
    expect(actionLabel('dpia_update', context('fr'))).toBe('Modification de l’AIPD');
    expect(entityLabel('DesignGrid', context('fr'))).toBe('Grille de conception');
    expect(actionLabel('something_new', context('en'))).toBe(en.audit.actions.update);
  });

  it('reads a vendor’s contacts in words: which contact, which detail, never a field path', () => {
    const changes = {
      'contacts[0].email': { before: 'dpo@paysage-paie.fr', after: 'protection.donnees@paysage-paie.fr' },
      'contacts[1].role': { before: null, after: 'Contact « sécurité »' },
      'contacts[1].phone': { before: null, after: '+33 1 23 45 67 89' },
      contacts: { before: [], after: null },
    };
    expect(auditChangeRows({ entityType: 'Vendor', changes }, context('fr'))).toEqual([
      { field: 'E-mail du contact 1', before: 'dpo@paysage-paie.fr', after: 'protection.donnees@paysage-paie.fr' },
      { field: 'Rôle du contact 2', before: '—', after: 'Contact « sécurité »' },
      { field: 'Téléphone du contact 2', before: '—', after: '+33 1 23 45 67 89' },
    ]);
    expect(auditChangeRows({ entityType: 'Vendor', changes }, context('en')).map((row) => row.field)).toEqual(['E-mail of contact 1', 'Role of contact 2', 'Telephone of contact 2']);
  });

  it('reads changes as a story: field labels, names instead of ids, durations and dates in words, no JSON, no empty rows', () => {
    const rows = auditChangeRows(
      {
        changes: {
          'purposes[0].legitimateInterestAssessment.balancing': { before: null, after: 'Aucun impact défavorable attendu' },
          ownerId: { before: null, after: DENIS },
          'dataCategories[0].retention.activePeriod': { before: 'P5Y', after: 'P10Y' },
          nextReviewDate: { before: '2026-05-25', after: '2027-05-25' },
          status: { before: 'draft', after: 'in_review' },
          actionPlan: { before: [], after: null },
          content: { before: { risks: [] }, after: { risks: [{ id: 'r1' }] } },
        },
      },
      context('fr'),
    );
    expect(rows).toEqual([
      { field: 'Finalité 1 › Mise en balance', before: '—', after: 'Aucun impact défavorable attendu' },
      { field: 'Responsable', before: '—', after: 'Denis Délégué' },
      { field: 'Catégorie de données 1 › Conservation en base active', before: '5 ans', after: '10 ans' },
      { field: 'Prochaine revue', before: '25 mai 2026', after: '25 mai 2027' },
      { field: 'Statut', before: 'Brouillon', after: 'En revue' },
      { field: 'Contenu', before: 'détail modifié', after: 'détail modifié' },
    ].filter((row) => row.before !== row.after));
  });

  it('names an activity’s owner and department once: in the words of the time, not again by their ids', () => {
    const rows = auditChangeRows(
      {
        entityType: 'Activity',
        changes: {
          owner: { before: null, after: 'Denis Délégué <dpo@mairie-saint-etienne.fr>' },
          ownerId: { before: null, after: DENIS },
          department: { before: null, after: 'Ressources humaines' },
          departmentId: { before: null, after: '5f0c9a8e-3b1d-4c2e-9a7f-1d2e3f4a5b6c' },
        },
      },
      context('fr'),
    );
    expect(rows.map((row) => row.after)).toEqual(['Denis Délégué <dpo@mairie-saint-etienne.fr>', 'Ressources humaines']);
    expect(rows.filter((row) => row.field === 'Responsable')).toHaveLength(1);
    // An event with the id alone (a reassignment recorded by id) still says who.
    expect(auditChangeRows({ entityType: 'Activity', changes: { ownerId: { before: null, after: DENIS } } }, context('fr'))).toEqual([{ field: 'Responsable', before: '—', after: 'Denis Délégué' }]);
  });

  it('reads catalogue codes as their labels: the register’s fields, any catalogue’s entries, countries', () => {
    const item = (code: string, en: string, frLabel: string) => ({ code, en, fr: frLabel, help: null, custom: false });
    const withCatalogues: AuditWordsContext = {
      ...context('fr'),
      catalogues: {
        ...EMPTY_CATALOGUES,
        'legal-bases': [item('legitimate_interests', 'Legitimate interests', 'Intérêt légitime')],
        'security-measures': [item('access_control', 'Access control', 'Contrôle d’accès')],
        'dpia-criteria': [item('large_scale', 'Large scale', 'Traitement à grande échelle')],
      },
      countryName: (code) => (code === 'US' ? 'les États-Unis' : code),
    };
    const rows = auditChangeRows(
      {
        changes: {
          'purposes[0].legalBasis': { before: null, after: 'legitimate_interests' },
          securityMeasures: { before: [], after: ['access_control'] },
          role: { before: 'controller', after: 'joint_controller' },
          'dpiaScreening.criteria': { before: [], after: ['large_scale'] },
          'dpiaScreening.decision': { before: null, after: 'not_required' },
          'measures[0].code': { before: null, after: 'access_control' },
          'transfers[0].country': { before: null, after: 'US' },
        },
      },
      withCatalogues,
    );
    const text = rows.map((row) => `${row.before} ${row.after}`).join(' ');
    expect(text).not.toMatch(/[a-z]+_[a-z]+|\bUS\b/);
    expect(rows.map((row) => row.after)).toEqual([
      'Intérêt légitime',
      'Contrôle d’accès',
      fr.activity.roles.joint_controller,
      'Traitement à grande échelle',
      fr.activity.dpiaDecisions.not_required,
      'Contrôle d’accès',
      'les États-Unis',
    ]);
  });

  it('reads the DPO’s override of a validation blocker in words: which blocker and the reason', () => {
    const reason = 'Clauses « types » en cours de signature avec l’entité indienne.';
    const rows = auditChangeRows(
      {
        entityType: 'Activity',
        changes: {
          'validationOverrides[0].code': { before: null, after: 'transfer_mechanism_missing' },
          'validationOverrides[0].reason': { before: null, after: reason },
        },
      },
      { ...context('fr'), catalogues: EMPTY_CATALOGUES },
    );
    expect(rows).toEqual([
      { field: 'Dérogation 1 › Blocage levé par le DPO', before: '—', after: 'un transfert hors de l’EEE sans outil de transfert' },
      { field: 'Dérogation 1 › Motif', before: '—', after: reason },
    ]);
  });

  it('reads the rights-request and breach registers in their own words', () => {
    const rows = auditChangeRows(
      {
        entityType: 'RightsRequest',
        changes: {
          type: { before: null, after: 'erasure' },
          channel: { before: null, after: 'post' },
          status: { before: 'received', after: 'in_progress' },
          identityCheckStatus: { before: 'pending', after: 'verified' },
          dueOn: { before: null, after: '2027-01-04' },
        },
      },
      context('fr'),
    );
    expect(rows).toEqual([
      { field: 'Droit exercé', before: '—', after: 'Effacement' },
      { field: 'Comment elle est arrivée', before: '—', after: 'Courrier' },
      { field: 'Étape', before: 'Reçue', after: 'En cours' },
      { field: 'Vérification d’identité', before: 'En attente', after: 'Vérifiée' },
      { field: 'Réponse due le', before: '—', after: '4 janvier 2027' },
    ]);
    const breach = auditChangeRows(
      { entityType: 'Breach', changes: { natures: { before: [], after: ['confidentiality', 'availability'] }, risk: { before: 'not_assessed', after: 'high' }, 'authorityNotification.notifiedAt': { before: null, after: '2026-12-03T09:00:00.000Z' } } },
      context('en'),
    );
    expect(breach.map((row) => [row.field, row.after])).toEqual([
      ['Nature', 'confidentiality, availability'],
      ['Risk', 'High risk'],
      ['CNIL notified on', expect.stringMatching(/3 December 2026/)],
    ]);
    expect(actionLabel('rights_request_extend', context('fr'))).toBe('Délai prolongé');
    expect(entityLabel('Breach', context('en'))).toBe('Breach');
  });
});
