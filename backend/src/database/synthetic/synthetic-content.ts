import type { ActivityFacts } from '../../catalogues/activity-catalogues';
import { screeningFactsFrom } from '../../domain/activities/screening-criteria';
import { buildContent, ContentInput } from '../../activities/activity-document';
import type { ActivityContent, ActivityRole, ActivityStatus, LegalBasis } from '../../domain/activities/activity.types';
import countriesCatalogue from '../../domain/catalogues/data/countries.json';
import dataCategoriesCatalogue from '../../domain/catalogues/data/data-categories.json';
import subjectCategoriesCatalogue from '../../domain/catalogues/data/data-subject-categories.json';
import mechanismsCatalogue from '../../domain/catalogues/data/transfer-mechanisms.json';
import retentionCatalogue from '../../domain/catalogues/data/retention-references.json';
import securityMeasuresCatalogue from '../../domain/catalogues/data/security-measures.json';
import { assessVendor, TransferFacts, transferFactsFrom } from '../../domain/transfers/transfer-status';
import { blockingConcerns } from '../../vendors/vendor-review';
import type { VendorRole, VendorStatus } from '../../domain/vendors/vendor.types';

/**
 * The content of a synthetic register: realistic activities and vendors built from the shipped
 * catalogues' codes, deterministic for a given seed. Pure (no database): synthetic-register.ts
 * writes what this builds.
 */

/** mulberry32: a small seeded generator, so a seed always gives the same register. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const taken: T[] = [];
    while (taken.length < count && copy.length > 0) taken.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return taken;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

interface CatalogueItem {
  code: string;
  [fact: string]: unknown;
}
const items = (catalogue: { items: CatalogueItem[] }) => catalogue.items;
const factsOf = (catalogue: { items: CatalogueItem[] }) =>
  items(catalogue).map(({ code, fr: _fr, en: _en, help: _help, ...facts }) => ({ code, facts: facts }));

/** The activity facts the services read from catalogue_entries, from the same shipped files. */
export function catalogueActivityFacts(): ActivityFacts {
  return screeningFactsFrom(factsOf(dataCategoriesCatalogue), factsOf(subjectCategoriesCatalogue));
}

/** As the decisions apply today: the synthetic register is made as it would be entered now. */
export function catalogueTransferFacts(): TransferFacts {
  return transferFactsFrom(factsOf(countriesCatalogue), factsOf(mechanismsCatalogue), new Date().toISOString().slice(0, 10));
}

/** Every code a generated activity may use, checked against the catalogues by the unit test. */
export const SECURITY_MEASURES = items(securityMeasuresCatalogue).map((item) => item.code);
const RETENTIONS = retentionCatalogue.items as unknown as {
  code: string;
  activePeriod: string;
  archivePeriod: string | null;
  startEventCode: string;
  legalReference: string | null;
}[];
const ORDINARY_CATEGORIES = ['identity', 'personal_life', 'professional_life', 'economic_financial', 'connection', 'location', 'internet', 'communications', 'national_identifier', 'other'];

interface PurposeTemplate {
  description: string;
  legalBasis: LegalBasis;
  legalReference?: string;
}

interface Domain {
  department: string;
  names: string[];
  description: string;
  purposes: PurposeTemplate[];
  subjects: string[];
  categories: string[];
  retentions: string[];
  special?: { category: string; art9Condition: string };
}

/** Activities as registers hold them, by department; names and purposes vary within each. */
const DOMAINS: Domain[] = [
  {
    department: 'Ressources humaines',
    names: ['Gestion de la paie', 'Recrutement des candidats', 'Gestion des formations', 'Suivi des temps et absences', 'Entretiens annuels', 'Gestion des notes de frais'],
    description: 'Gestion administrative du personnel : contrats, rémunération, temps de travail et carrière.',
    purposes: [
      { description: 'Établir les bulletins de paie et verser les salaires', legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L3243-2' },
      { description: 'Effectuer les déclarations sociales nominatives', legalBasis: 'legal_obligation', legalReference: 'Code de la sécurité sociale, art. L133-5-3' },
      { description: 'Gérer les candidatures et organiser les entretiens', legalBasis: 'contract' },
      { description: 'Planifier les formations et suivre les compétences', legalBasis: 'legitimate_interests' },
      { description: 'Suivre les absences et congés', legalBasis: 'contract' },
    ],
    subjects: ['employees', 'candidates', 'interns', 'contractors', 'next_of_kin'],
    categories: ['identity', 'personal_life', 'professional_life', 'economic_financial', 'national_identifier', 'connection', 'communications', 'other'],
    retentions: ['hr_employee_file', 'hr_payslip_copy', 'hr_candidate_pool', 'hr_working_time', 'hr_staff_register', 'hr_social_contributions'],
    special: { category: 'health', art9Condition: 'art9_2_b' },
  },
  {
    department: 'Service client',
    names: ['Gestion de la relation client', 'Traitement des réclamations', 'Support téléphonique', 'Programme de fidélité', 'Gestion des commandes et livraisons'],
    description: 'Suivi des clients, de leurs commandes, de leurs demandes et de leurs réclamations.',
    purposes: [
      { description: 'Exécuter les commandes et assurer la livraison', legalBasis: 'contract' },
      { description: 'Répondre aux demandes et réclamations des clients', legalBasis: 'contract' },
      { description: 'Mesurer la satisfaction et améliorer le service', legalBasis: 'legitimate_interests' },
      { description: 'Conserver les pièces comptables des ventes', legalBasis: 'legal_obligation', legalReference: 'Code de commerce, art. L123-22' },
      { description: 'Gérer le programme de fidélité', legalBasis: 'consent' },
    ],
    subjects: ['customers', 'prospects', 'users', 'partners_contacts'],
    categories: ['identity', 'personal_life', 'economic_financial', 'connection', 'location', 'internet', 'communications', 'other'],
    retentions: ['customer_relationship', 'customer_marketing', 'inactive_customer_account', 'payment_card_one_off', 'consumer_econtract', 'accounting_records'],
  },
  {
    department: 'Marketing',
    names: ['Prospection commerciale par courriel', 'Lettre d’information', 'Mesure d’audience du site', 'Organisation d’événements', 'Jeux-concours'],
    description: 'Actions de communication et de prospection auprès des clients et prospects.',
    purposes: [
      { description: 'Envoyer des offres commerciales aux prospects', legalBasis: 'consent' },
      { description: 'Adresser la lettre d’information aux abonnés', legalBasis: 'consent' },
      { description: 'Mesurer l’audience et la performance des campagnes', legalBasis: 'legitimate_interests' },
      { description: 'Gérer la liste d’opposition', legalBasis: 'legal_obligation', legalReference: 'Code des postes et des communications électroniques, art. L34-5' },
    ],
    subjects: ['prospects', 'customers', 'website_visitors', 'users'],
    categories: ['identity', 'personal_life', 'connection', 'location', 'internet', 'communications', 'economic_financial', 'other'],
    retentions: ['prospect_data', 'customer_marketing', 'objection_list', 'tracker_lifetime', 'audience_measurement_data'],
  },
  {
    department: 'Sécurité & fraude',
    names: ['Vidéoprotection des locaux', 'Contrôle d’accès par badge', 'Journalisation des accès informatiques', 'Détection de la fraude au paiement', 'Gestion des incidents de sécurité'],
    description: 'Protection des personnes, des locaux et des systèmes d’information.',
    purposes: [
      { description: 'Assurer la sécurité des biens et des personnes', legalBasis: 'legitimate_interests' },
      { description: 'Contrôler l’accès aux zones protégées', legalBasis: 'legitimate_interests' },
      { description: 'Tracer les accès aux systèmes d’information', legalBasis: 'legal_obligation', legalReference: 'RGPD, art. 32' },
      { description: 'Détecter et prévenir la fraude', legalBasis: 'legitimate_interests' },
    ],
    subjects: ['employees', 'visitors', 'customers', 'contractors', 'users'],
    categories: ['identity', 'professional_life', 'connection', 'location', 'internet', 'communications', 'economic_financial', 'other'],
    retentions: ['video_surveillance', 'access_badge_movements', 'it_access_logs', 'vehicle_geolocation'],
  },
  {
    department: 'Finance',
    names: ['Comptabilité fournisseurs', 'Facturation et recouvrement', 'Gestion de la trésorerie', 'Déclarations fiscales'],
    description: 'Tenue de la comptabilité, facturation, paiements et obligations fiscales.',
    purposes: [
      { description: 'Tenir la comptabilité générale', legalBasis: 'legal_obligation', legalReference: 'Code de commerce, art. L123-12' },
      { description: 'Facturer les clients et recouvrer les créances', legalBasis: 'contract' },
      { description: 'Payer les fournisseurs', legalBasis: 'contract' },
      { description: 'Conserver les justificatifs fiscaux', legalBasis: 'legal_obligation', legalReference: 'Livre des procédures fiscales, art. L102 B' },
    ],
    subjects: ['suppliers_contacts', 'customers', 'shareholders', 'partners_contacts'],
    categories: ['identity', 'professional_life', 'economic_financial', 'connection', 'communications', 'national_identifier', 'personal_life', 'other'],
    retentions: ['accounting_records', 'tax_records', 'commercial_contracts', 'payment_card_deferred_debit'],
  },
  {
    department: 'Produit',
    names: ['Gestion des comptes utilisateurs', 'Hébergement de l’application', 'Analyse d’usage du produit', 'Envoi des notifications', 'Tests utilisateurs'],
    description: 'Fourniture du service en ligne : comptes, usage, notifications et amélioration du produit.',
    purposes: [
      { description: 'Créer et gérer les comptes des utilisateurs', legalBasis: 'contract' },
      { description: 'Fournir et héberger le service', legalBasis: 'contract' },
      { description: 'Analyser l’usage pour améliorer le produit', legalBasis: 'legitimate_interests' },
      { description: 'Envoyer les notifications de service', legalBasis: 'contract' },
    ],
    subjects: ['users', 'customers', 'website_visitors', 'minors'],
    categories: ['identity', 'connection', 'internet', 'location', 'communications', 'personal_life', 'economic_financial', 'other'],
    retentions: ['inactive_customer_account', 'it_access_logs', 'tracker_lifetime', 'audience_measurement_data'],
  },
  {
    department: 'Santé au travail',
    names: ['Suivi médical des salariés', 'Déclaration des accidents du travail', 'Gestion des aménagements de poste'],
    description: 'Suivi de la santé et de la sécurité des salariés avec le service de prévention.',
    purposes: [
      { description: 'Organiser les visites d’information et de prévention', legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. R4624-10' },
      { description: 'Déclarer les accidents du travail', legalBasis: 'legal_obligation', legalReference: 'Code de la sécurité sociale, art. L441-2' },
      { description: 'Adapter les postes de travail', legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L4624-3' },
    ],
    subjects: ['employees', 'interns', 'next_of_kin', 'patients'],
    categories: ['identity', 'professional_life', 'personal_life', 'national_identifier', 'communications', 'connection', 'location', 'other'],
    retentions: ['hr_employee_file', 'private_practice_patient_file', 'hr_disciplinary_sanction'],
    special: { category: 'health', art9Condition: 'art9_2_h' },
  },
];

export const DEPARTMENT_NAMES = DOMAINS.map((domain) => domain.department);

const SITES = ['', ' — siège', ' — site de Lyon', ' — site de Nantes', ' — filiale Belgique', ' — filiale Espagne', ' (groupe)', ' — usine de Lille', ' — agence de Bordeaux'];
const RECIPIENTS: { category: string; names: string[] }[] = [
  { category: 'internal_service', names: ['Service paie', 'Direction financière', 'Service client', 'Direction des systèmes d’information', 'Équipe marketing'] },
  { category: 'processor', names: ['Prestataire d’hébergement', 'Éditeur du logiciel', 'Centre d’appels externalisé'] },
  { category: 'group_company', names: ['Société mère', 'Filiales du groupe'] },
  { category: 'public_authority', names: ['URSSAF', 'Administration fiscale', 'Inspection du travail'] },
  { category: 'authorised_third_party', names: ['Commissaire aux comptes', 'Services de police sur réquisition'] },
  { category: 'partner', names: ['Partenaires commerciaux', 'Transporteurs'] },
];
const TRANSFERS: { country: string; mechanism: string }[] = [
  { country: 'US', mechanism: 'scc' },
  { country: 'US', mechanism: 'dpf' },
  { country: 'GB', mechanism: 'adequacy' },
  { country: 'CH', mechanism: 'adequacy' },
  { country: 'IN', mechanism: 'scc' },
  { country: 'MA', mechanism: 'scc' },
  { country: 'JP', mechanism: 'adequacy' },
  { country: 'CA', mechanism: 'adequacy' },
  { country: 'SG', mechanism: 'bcr' },
];
const DPIA_CRITERIA = ['sensitive_or_highly_personal_data', 'large_scale', 'systematic_monitoring', 'vulnerable_data_subjects', 'matching_combining_datasets'];

/** The countries, mechanisms and other codes the generator uses, for the unit test to check. */
export const USED_CODES = {
  countries: [...new Set(TRANSFERS.map((transfer) => transfer.country))],
  mechanisms: [...new Set(TRANSFERS.map((transfer) => transfer.mechanism))],
  recipientCategories: RECIPIENTS.map((recipient) => recipient.category),
  dpiaCriteria: DPIA_CRITERIA,
};

export interface ActivityShape {
  purposes: number;
  dataCategories: number;
  dataSubjects: number;
  recipients: number;
  processors: number;
  transfers: number;
  securityMeasures: number;
}

/** The issue's shape: 3 purposes, 8 data categories with retention, 3 subject categories… */
export const DEFAULT_SHAPE: ActivityShape = { purposes: 3, dataCategories: 8, dataSubjects: 3, recipients: 3, processors: 2, transfers: 1, securityMeasures: 12 };

/** An activity as it finally is, before its history is written. */
export interface ActivityPlan {
  name: string;
  description: string;
  department: string;
  role: ActivityRole;
  finalStatus: ActivityStatus;
  nextReviewDate: string;
  /** The complete content; earlier versions are built from it. */
  content: ContentInput;
}

function purposeInput(template: PurposeTemplate, main: boolean, random: Random) {
  return {
    description: template.description,
    main,
    legalBasis: template.legalBasis,
    legalReference: template.legalReference ?? null,
    legitimateInterestAssessment:
      template.legalBasis === 'legitimate_interests'
        ? {
            purpose: 'Intérêt légitime de l’organisation à assurer la continuité et la qualité de son activité',
            necessity: random.pick(['Données limitées au strict nécessaire', 'Aucun moyen moins intrusif ne permet d’atteindre le but']),
            balancing: random.pick(['Impact limité, attendu par les personnes, droit d’opposition offert', 'Mesures de pseudonymisation et durée courte']),
          }
        : null,
  };
}

/** One activity: `number` makes the name vary; the final status follows the usual mix of a register. */
export function planActivity(random: Random, number: number, vendorNames: readonly string[], shape: ActivityShape = DEFAULT_SHAPE): ActivityPlan {
  const domain = DOMAINS[number % DOMAINS.length];
  const roll = random.next();
  const finalStatus: ActivityStatus = roll < 0.6 ? 'validated' : roll < 0.75 ? 'in_review' : roll < 0.9 ? 'draft' : 'archived';
  const role: ActivityRole = random.chance(0.9) ? 'controller' : 'joint_controller';

  const purposes = random.sample(domain.purposes, shape.purposes).map((template, index) => purposeInput(template, index === 0, random));
  const special = domain.special && random.chance(0.5) ? domain.special : null;
  const codes = random.sample([...new Set([...domain.categories, ...ORDINARY_CATEGORIES])], shape.dataCategories - (special ? 1 : 0));
  if (special) codes.push(special.category);
  const retentionPool = RETENTIONS.filter((retention) => domain.retentions.includes(retention.code));
  const dataCategories = codes.map((category) => {
    const retention = random.pick(retentionPool);
    return {
      category,
      description: `Données ${category.replace(/_/g, ' ')} nécessaires à la finalité`,
      source: random.pick(['direct', 'indirect', 'internal'] as const),
      sourceDetail: null,
      mandatory: random.chance(0.7),
      minimisationJustification: 'Limitées à ce que la finalité exige',
      art9Condition: special && category === special.category ? special.art9Condition : null,
      retention: {
        activePeriod: retention.activePeriod,
        archivePeriod: retention.archivePeriod,
        startEvent: retention.startEventCode,
        legalReference: retention.legalReference,
        endAction: random.chance(0.8) ? ('delete' as const) : ('anonymise' as const),
        unlimitedJustification: null,
      },
    };
  });
  const dataSubjects = random.sample(domain.subjects, shape.dataSubjects).map((category) => ({ category, estimatedCount: random.int(20, 200_000) }));
  const recipients = random.sample(RECIPIENTS, shape.recipients).map((recipient) => ({ category: recipient.category, name: random.pick(recipient.names) }));
  const processors = random.sample(vendorNames, shape.processors);
  const transfers = Array.from({ length: shape.transfers }, () => {
    const transfer = random.pick(TRANSFERS);
    return { country: transfer.country, recipient: processors[processors.length - 1] ?? null, mechanism: transfer.mechanism, documentation: 'Clauses annexées au contrat' };
  });
  const criteria = random.sample(DPIA_CRITERIA, special ? 2 : random.int(0, 1));
  const name = `${random.pick(domain.names)}${random.pick(SITES)}`;
  return {
    name,
    description: `${domain.description} Périmètre n° ${number}.`,
    department: domain.department,
    role,
    finalStatus,
    nextReviewDate: `${random.int(2027, 2029)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    content: {
      jointControllers: role === 'joint_controller' ? [{ name: 'Filiale partenaire du groupe', contact: 'dpo@partenaire.example' }] : [],
      clientControllers: [],
      purposes,
      dataSubjects,
      dataCategories,
      recipients,
      processors,
      transfers,
      securityMeasures: random.sample(SECURITY_MEASURES, shape.securityMeasures),
      dataSubjectInformation: 'Mention d’information remise lors de la collecte et disponible sur l’intranet.',
      rightsProcedure: 'Demandes adressées au DPO par courriel, réponse sous un mois.',
      automatedDecisionMaking: random.chance(0.05),
      dpiaScreening: {
        criteria,
        decision: criteria.length >= 2 ? 'required' : 'not_required',
        justification: criteria.length >= 2 ? 'Deux critères du CEPD réunis' : 'Moins de deux critères du CEPD',
      },
    },
  };
}

/** One step of an activity's history: the workflow action and the state it leaves. */
export interface HistoryStep {
  action: 'create' | 'update' | 'submit' | 'validate' | 'archive' | 'reopen';
  status: ActivityStatus;
  /** Who acts: the owner edits and submits, the DPO validates, archives and reopens. */
  by: 'owner' | 'dpo';
  content: ActivityContent;
  description: string | null;
  nextReviewDate: string | null;
}

/**
 * Five versions through the real workflow, ending at the plan's status: a first draft missing a few
 * fields, the edits that complete it, submission, validation, a later amendment or archiving.
 */
export function historyOf(plan: ActivityPlan, facts: ActivityFacts): HistoryStep[] {
  const complete = buildContent(plan.content, null, facts);
  // Versions share the parts they do not change (the audit diff of two versions skips identical parts).
  const draft: ActivityContent = { ...complete, securityMeasures: complete.securityMeasures.slice(0, 8), dataSubjectInformation: null, rightsProcedure: null };
  const amended = { ...complete, dataSubjects: complete.dataSubjects.map((subject, index) => (index === 0 ? { ...subject, estimatedCount: (subject.estimatedCount ?? 0) + 10 } : subject)) };
  const step = (action: HistoryStep['action'], status: ActivityStatus, content: ActivityContent, description: string | null, nextReviewDate: string | null): HistoryStep => ({
    action,
    status,
    by: action === 'validate' || action === 'archive' || action === 'reopen' ? 'dpo' : 'owner',
    content,
    description,
    nextReviewDate,
  });
  const { description, nextReviewDate } = plan;
  switch (plan.finalStatus) {
    case 'validated':
      return [
        step('create', 'draft', draft, null, null),
        step('update', 'draft', complete, description, nextReviewDate),
        step('submit', 'in_review', complete, description, nextReviewDate),
        step('validate', 'validated', complete, description, nextReviewDate),
        step('update', 'validated', amended, description, nextReviewDate),
      ];
    case 'archived':
      return [
        step('create', 'draft', complete, description, null),
        step('submit', 'in_review', complete, description, null),
        step('validate', 'validated', complete, description, null),
        step('update', 'validated', complete, description, nextReviewDate),
        step('archive', 'archived', complete, description, nextReviewDate),
      ];
    case 'in_review':
      return [
        step('create', 'draft', draft, null, null),
        step('update', 'draft', { ...draft, securityMeasures: complete.securityMeasures }, null, null),
        step('update', 'draft', { ...complete, rightsProcedure: null }, description, null),
        step('update', 'draft', complete, description, nextReviewDate),
        step('submit', 'in_review', complete, description, nextReviewDate),
      ];
    case 'draft':
      // Sent back by the DPO and still missing its rights procedure: an incomplete draft.
      return [
        step('create', 'draft', draft, null, null),
        step('update', 'draft', { ...complete, rightsProcedure: null }, description, null),
        step('submit', 'in_review', { ...complete, rightsProcedure: null }, description, null),
        step('reopen', 'draft', { ...complete, rightsProcedure: null }, description, null),
        step('update', 'draft', { ...amended, rightsProcedure: null }, description, nextReviewDate),
      ];
  }
}

// ——— vendors ———

const VENDOR_STEMS = ['Nuvola', 'Paysage', 'Datalis', 'Hexagone', 'Orbis', 'Kelvin', 'Lumen', 'Mistral', 'Sirius', 'Vega', 'Atlas', 'Boréal', 'Cobalt', 'Delta', 'Éole', 'Fenix', 'Granit', 'Helios', 'Iris', 'Jade'];
const VENDOR_SERVICES = [
  { kind: 'Paie', service: 'Logiciel de paie en SaaS' },
  { kind: 'Cloud', service: 'Hébergement d’infrastructure' },
  { kind: 'CRM', service: 'Gestion de la relation client' },
  { kind: 'Mail', service: 'Envoi de courriels transactionnels' },
  { kind: 'Support', service: 'Centre d’appels et support' },
  { kind: 'Analytics', service: 'Mesure d’audience' },
  { kind: 'Sign', service: 'Signature électronique' },
  { kind: 'Pay', service: 'Prestataire de paiement' },
  { kind: 'Backup', service: 'Sauvegarde externalisée' },
  { kind: 'Recrut', service: 'Logiciel de recrutement' },
];
const HEADQUARTERS = ['FR', 'FR', 'FR', 'FR', 'DE', 'IE', 'NL', 'US', 'US', 'GB', 'IN'];

export interface VendorPlan {
  name: string;
  legalEntity: string;
  service: string;
  role: VendorRole;
  headquartersCountry: string;
  parentCompany: string | null;
  parentCountry: string | null;
  dataLocations: string[];
  certifications: string[];
  dpaSigned: boolean;
  dpaSignedOn: string | null;
  transferMechanism: string | null;
  tiaDate: string | null;
  tiaConclusion: string | null;
  status: VendorStatus;
  nextReviewDate: string | null;
  notes: string | null;
}

/** Vendor number `number` (names are unique per organisation: the number ends those past the first round). */
export function planVendor(random: Random, number: number, facts: TransferFacts): VendorPlan {
  const stem = VENDOR_STEMS[number % VENDOR_STEMS.length];
  const kind = VENDOR_SERVICES[Math.floor(number / VENDOR_STEMS.length) % VENDOR_SERVICES.length];
  const round = Math.floor(number / (VENDOR_STEMS.length * VENDOR_SERVICES.length));
  const name = `${stem} ${kind.kind}${round ? ` ${round + 1}` : ''}`;
  const roll = random.next();
  const role: VendorRole = roll < 0.65 ? 'processor' : roll < 0.9 ? 'sub_processor' : 'recipient';
  const headquartersCountry = random.pick(HEADQUARTERS);
  const usBased = headquartersCountry === 'US';
  const dataLocations = usBased ? random.pick([['US'], ['IE', 'US'], ['FR']]) : headquartersCountry === 'IN' ? ['IN'] : random.chance(0.8) ? [headquartersCountry] : [headquartersCountry, 'US'];
  const certifications = random.sample(['ISO27001', 'SOC2', 'HDS', 'SecNumCloud'], random.int(0, 2));
  if (usBased && random.chance(0.6)) certifications.push('DPF');
  const outsideEea = dataLocations.some((country) => !facts.countries.get(country)?.eea);
  const transferMechanism = outsideEea ? (certifications.includes('DPF') ? 'dpf' : random.chance(0.85) ? 'scc' : null) : null;
  const dpaSigned = role !== 'recipient' && random.chance(0.85);
  const plan: VendorPlan = {
    name,
    legalEntity: `${name} ${usBased ? 'Inc.' : headquartersCountry === 'DE' ? 'GmbH' : 'SAS'}`,
    service: kind.service,
    role,
    headquartersCountry,
    parentCompany: !usBased && random.chance(0.15) ? 'Global Holdings Inc.' : null,
    parentCountry: null,
    dataLocations,
    certifications,
    dpaSigned,
    dpaSignedOn: dpaSigned ? `${random.int(2019, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
    transferMechanism,
    tiaDate: transferMechanism === 'scc' && random.chance(0.7) ? `${random.int(2022, 2025)}-06-30` : null,
    tiaConclusion: null,
    status: 'under_review',
    nextReviewDate: `${random.int(2026, 2028)}-${String(random.int(1, 12)).padStart(2, '0')}-15`,
    notes: null,
  };
  if (plan.parentCompany) plan.parentCountry = 'US';
  if (plan.tiaDate) plan.tiaConclusion = 'Mesures supplémentaires suffisantes';
  // Approved only when approval's rules allow it (signed DPA, covered transfers), as the service requires.
  const approvable = blockingConcerns(plan, assessVendor(plan, facts)).length === 0;
  const statusRoll = random.next();
  plan.status = approvable && statusRoll < 0.8 ? 'approved' : statusRoll < 0.9 ? 'under_review' : statusRoll < 0.96 ? 'restricted' : 'terminated';
  return plan;
}
