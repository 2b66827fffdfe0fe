/**
 * Templates for public authorities and bodies (communes, their social action centres). Their tasks
 * rest on the public task or a legal obligation, with the text that sets them. The retention catalogue
 * has no reference for these files yet, so their retention is left to the organisation (its archives'
 * retention schedule) except where a text makes them permanent archives.
 */
import type { ActivityTemplate, TemplateText } from './activity-template';

const t = (fr: string, en: string): TemplateText => ({ fr, en });
const OWN_NOTICE_AND_CONTACT = ['dataSubjectInformation', 'rightsProcedure'];

export const PUBLIC_BODY_TEMPLATES: readonly ActivityTemplate[] = [
  {
    code: 'civil_status',
    publicBody: true,
    name: t('État civil', 'Civil status records'),
    description: t(
      'Établissement, tenue et délivrance des actes de naissance, de mariage, de décès et des mentions qui les complètent.',
      'Drawing up, keeping and issuing birth, marriage and death certificates and their annotations.',
    ),
    role: 'controller',
    purposes: [
      { description: t('Établir et tenir les actes de l’état civil', 'Draw up and keep civil status records'), main: true, legalBasis: 'public_task', legalReference: 'Code civil, art. 34 et suivants ; décret n° 2017-890 du 6 mai 2017 relatif à l’état civil' },
      { description: t('Délivrer les copies et extraits d’actes', 'Issue copies and extracts of records'), main: false, legalBasis: 'public_task', legalReference: 'Décret n° 2017-890 du 6 mai 2017, art. 30 et suivants' },
    ],
    dataSubjects: [{ category: 'citizens' }],
    dataCategories: [
      {
        category: 'identity',
        description: t('Nom, prénoms, sexe, date et lieu de naissance, filiation', 'Names, sex, date and place of birth, parentage'),
        source: 'direct',
        mandatory: true,
        minimisationJustification: t('Mentions que le Code civil impose dans chaque acte', 'Particulars the Civil Code requires in each record'),
        retention: {
          unlimited: t(
            'Les registres de l’état civil sont des archives publiques conservées définitivement ; les actes de naissance et de mariage ne sont librement communicables qu’après 75 ans.',
            'Civil status registers are public archives kept permanently; birth and marriage records become freely accessible only after 75 years.',
          ),
          legalReference: 'Code du patrimoine, art. L211-4, L212-1 et L213-2',
        },
      },
      {
        category: 'personal_life',
        description: t('Mariage, pacte civil de solidarité, divorce, décès (mentions marginales)', 'Marriage, civil partnership, divorce, death (annotations)'),
        source: 'indirect',
        mandatory: true,
        minimisationJustification: t('Mentions portées en marge des actes par la loi', 'Annotations the law requires on the records'),
        retention: {
          unlimited: t('Les mentions font partie des actes, archives publiques conservées définitivement.', 'Annotations are part of the records, public archives kept permanently.'),
          legalReference: 'Code du patrimoine, art. L211-4 et L212-1',
        },
      },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service de l’état civil', 'Civil status office') },
      { category: 'public_authority', name: t('Procureur de la République, INSEE', 'Public prosecutor, INSEE') },
      { category: 'authorised_third_party', name: t('Notaires et personnes autorisées à obtenir une copie intégrale', 'Notaries and people entitled to a full copy') },
    ],
    securityMeasures: ['access_control', 'authentication', 'backup', 'archiving_security', 'physical_security'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'school_registration_canteen',
    publicBody: true,
    name: t('Inscriptions scolaires et restauration scolaire', 'School registration and school canteen'),
    description: t(
      'Inscription des enfants dans les écoles de la commune, accès à la cantine, tarification selon le quotient familial et facturation.',
      'Registering children at the town’s schools, canteen access, income-based pricing and billing.',
    ),
    role: 'controller',
    purposes: [
      { description: t('Inscrire les enfants soumis à l’obligation scolaire', 'Register children of compulsory school age'), main: true, legalBasis: 'public_task', legalReference: 'Code de l’éducation, art. L131-5 et L131-6' },
      { description: t('Gérer l’accès à la restauration scolaire et la facturer', 'Manage and bill access to the school canteen'), main: false, legalBasis: 'public_task', legalReference: 'Code de l’éducation, art. L131-13' },
    ],
    dataSubjects: [{ category: 'minors', vulnerable: true }, { category: 'citizens' }],
    dataCategories: [
      { category: 'identity', description: t('Enfant : nom, prénom, date de naissance ; responsables légaux : nom, adresse, téléphone', 'Child: name, date of birth; legal guardians: name, address, phone'), source: 'direct', mandatory: true, minimisationJustification: t('Pour inscrire l’enfant et joindre sa famille', 'To register the child and reach the family'), retention: null },
      { category: 'personal_life', description: t('École et classe, jours de cantine', 'School and class, canteen days'), source: 'direct', mandatory: true, minimisationJustification: t('Pour organiser l’accueil de l’enfant', 'To organise the child’s attendance'), retention: null },
      { category: 'economic_financial', description: t('Quotient familial, factures et paiements', 'Family income ratio, invoices and payments'), source: 'direct', mandatory: false, minimisationJustification: t('Seulement pour appliquer le tarif réduit demandé par la famille', 'Only to apply the reduced rate the family asks for'), retention: null },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service scolaire et régie de la restauration', 'School department and canteen billing office') },
      { category: 'public_authority', name: t('Directeurs d’école, comptable public', 'Head teachers, public accountant') },
    ],
    securityMeasures: ['access_control', 'authentication', 'backup'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    // How long the town keeps registration and canteen files is set by its archives' retention schedule.
    leftToOrganization: [...OWN_NOTICE_AND_CONTACT, 'dataCategories[0].retention', 'dataCategories[1].retention', 'dataCategories[2].retention'],
  },
  {
    code: 'electoral_lists',
    publicBody: true,
    name: t('Listes électorales', 'Electoral rolls'),
    description: t(
      'Inscriptions et radiations sur la liste électorale de la commune, tenue avec le répertoire électoral unique de l’INSEE.',
      'Adding and removing voters on the town’s electoral roll, kept with INSEE’s single electoral register.',
    ),
    role: 'controller',
    purposes: [
      { description: t('Tenir la liste électorale de la commune', 'Keep the town’s electoral roll'), main: true, legalBasis: 'legal_obligation', legalReference: 'Code électoral, art. L11 à L16 ; loi n° 2016-1048 du 1er août 2016' },
      { description: t('Communiquer la liste électorale aux électeurs, candidats et partis qui la demandent', 'Give the roll to voters, candidates and parties who ask for it'), main: false, legalBasis: 'legal_obligation', legalReference: 'Code électoral, art. L37' },
    ],
    dataSubjects: [{ category: 'citizens' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénoms, date et lieu de naissance, adresse, nationalité (citoyens de l’Union)', 'Names, date and place of birth, address, nationality (EU citizens)'), source: 'direct', mandatory: true, minimisationJustification: t('Mentions fixées par le Code électoral', 'Particulars the Electoral Code sets'), retention: null },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service des élections', 'Elections office') },
      { category: 'public_authority', name: t('INSEE (répertoire électoral unique), commission de contrôle', 'INSEE (single electoral register), review committee') },
      { category: 'authorised_third_party', name: t('Électeurs, candidats et partis politiques', 'Voters, candidates and political parties') },
    ],
    securityMeasures: ['access_control', 'authentication', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: [...OWN_NOTICE_AND_CONTACT, 'dataCategories[0].retention'],
  },
  {
    code: 'social_services',
    publicBody: true,
    name: t('Action sociale (CCAS)', 'Social services (CCAS)'),
    description: t(
      'Accueil, instruction des demandes d’aide sociale, attribution d’aides facultatives et accompagnement des personnes.',
      'Reception, processing of social aid applications, discretionary aid and support of the people concerned.',
    ),
    role: 'controller',
    purposes: [
      { description: t('Instruire les demandes d’aide sociale et attribuer les aides', 'Process social aid applications and grant aid'), main: true, legalBasis: 'public_task', legalReference: 'Code de l’action sociale et des familles, art. L123-5' },
    ],
    dataSubjects: [{ category: 'beneficiaries', vulnerable: true }, { category: 'next_of_kin' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, date de naissance, adresse', 'Name, date of birth, address'), source: 'direct', mandatory: true, minimisationJustification: t('Pour instruire la demande', 'To process the application'), retention: null },
      { category: 'personal_life', description: t('Composition du foyer, logement, situation familiale', 'Household, housing, family situation'), source: 'direct', mandatory: true, minimisationJustification: t('Critères d’attribution des aides', 'Criteria for granting aid'), retention: null },
      { category: 'economic_financial', description: t('Ressources, charges, dettes', 'Income, expenses, debts'), source: 'direct', mandatory: true, minimisationJustification: t('Pour évaluer le besoin d’aide', 'To assess the need for aid'), retention: null },
    ],
    recipients: [
      { category: 'internal_service', name: t('Travailleurs sociaux du CCAS', 'The CCAS’s social workers') },
      { category: 'public_authority', name: t('Conseil départemental, caisse d’allocations familiales', 'Département council, family allowance fund (CAF)') },
    ],
    securityMeasures: ['access_control', 'authentication', 'traceability', 'encryption'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    dpiaScreening: {
      onCnilRequiredList: 'social_support',
      justification: t('Accompagnement social de personnes, sur la liste de la CNIL des traitements soumis à analyse d’impact (délib. 2018-327)', 'Social support of people, on the CNIL’s list of processing that needs a DPIA (deliberation 2018-327)'),
    },
    leftToOrganization: [...OWN_NOTICE_AND_CONTACT, 'dataCategories[0].retention', 'dataCategories[1].retention', 'dataCategories[2].retention'],
  },
  {
    code: 'parking_permits',
    publicBody: true,
    name: t('Cartes de stationnement résident', 'Residents’ parking permits'),
    description: t('Délivrance et renouvellement des droits de stationnement au tarif résident.', 'Issuing and renewing residents’ parking rights.'),
    role: 'controller',
    purposes: [
      { description: t('Délivrer les droits de stationnement résident', 'Issue residents’ parking rights'), main: true, legalBasis: 'public_task', legalReference: 'Code général des collectivités territoriales, art. L2213-2 et L2333-87' },
    ],
    dataSubjects: [{ category: 'citizens' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, adresse, justificatif de domicile', 'Name, address, proof of address'), source: 'direct', mandatory: true, minimisationJustification: t('Pour vérifier que le demandeur réside dans le secteur', 'To check the applicant lives in the area'), retention: null },
      { category: 'other', description: t('Immatriculation du véhicule, certificat d’immatriculation', 'Vehicle registration number and certificate'), source: 'direct', mandatory: true, minimisationJustification: t('Pour rattacher le droit au véhicule', 'To tie the right to the vehicle'), retention: null },
    ],
    recipients: [{ category: 'internal_service', name: t('Service du stationnement', 'Parking department') }],
    securityMeasures: ['access_control', 'authentication'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: [...OWN_NOTICE_AND_CONTACT, 'dataCategories[0].retention', 'dataCategories[1].retention'],
  },
];
