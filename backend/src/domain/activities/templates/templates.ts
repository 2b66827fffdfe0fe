/**
 * The shipped templates. Legal references are the French or EU texts as cited in France; retention
 * codes are entries of retention-references.json. What only the organisation knows (how it informs
 * people, where they exercise their rights, and a retention the catalogue has no reference for) is
 * left empty and listed in `leftToOrganization`.
 */
import type { ActivityTemplate, TemplateText } from './activity-template';
import { PUBLIC_BODY_TEMPLATES } from './public-templates';

const t = (fr: string, en: string): TemplateText => ({ fr, en });

/** How people are told and where they write: the organisation's own notice and contact. */
const OWN_NOTICE_AND_CONTACT = ['dataSubjectInformation', 'rightsProcedure'];

const HR_SERVICE = t('Service des ressources humaines', 'Human resources department');
const GDPR_32 = 'Règlement (UE) 2016/679, art. 32';

const PRIVATE_TEMPLATES: readonly ActivityTemplate[] = [
  {
    code: 'payroll',
    publicBody: false,
    name: t('Gestion de la paie', 'Payroll'),
    description: t(
      'Calcul et versement des salaires, établissement des bulletins de paie et déclarations sociales nominatives (DSN).',
      'Computing and paying salaries, issuing payslips and filing the monthly social declarations (DSN).',
    ),
    role: 'controller',
    purposes: [
      { description: t('Établir et remettre les bulletins de paie', 'Issue payslips'), main: true, legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L3243-1, L3243-2 et L3243-4' },
      { description: t('Déclarer les salaires et cotisations aux organismes sociaux (DSN)', 'Declare wages and contributions to social bodies (DSN)'), main: false, legalBasis: 'legal_obligation', legalReference: 'Code de la sécurité sociale, art. L133-5-3' },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'interns' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, adresse, date de naissance, matricule', 'Name, address, date of birth, staff number'), source: 'direct', mandatory: true, minimisationJustification: t('Mentions obligatoires du bulletin de paie', 'Particulars a payslip must carry'), retention: 'hr_payslip_copy' },
      { category: 'professional_life', description: t('Emploi, qualification, convention collective, temps de travail', 'Job, grade, collective agreement, working time'), source: 'internal', mandatory: true, minimisationJustification: t('Nécessaires au calcul du salaire', 'Needed to compute the salary'), retention: 'hr_payslip_copy' },
      { category: 'economic_financial', description: t('Salaire, primes, cotisations, coordonnées bancaires', 'Salary, bonuses, contributions, bank details'), source: 'internal', mandatory: true, minimisationJustification: t('Nécessaires au calcul et au versement du salaire', 'Needed to compute and pay the salary'), retention: 'hr_payslip_copy' },
      { category: 'national_identifier', description: t('Numéro de sécurité sociale (NIR)', 'Social security number (NIR)'), source: 'direct', mandatory: true, minimisationJustification: t('Exigé par la DSN, usage limité aux déclarations sociales', 'Required by the DSN, used only for social declarations'), retention: 'hr_social_contributions' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service paie', 'Payroll department') },
      { category: 'public_authority', name: t('URSSAF, administration fiscale et caisses de retraite (via la DSN)', 'URSSAF, tax authority and pension funds (through the DSN)') },
    ],
    securityMeasures: ['access_control', 'authentication', 'traceability', 'backup', 'encryption'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'recruitment',
    publicBody: false,
    name: t('Recrutement', 'Recruitment'),
    description: t(
      'Réception et examen des candidatures, entretiens, décision et constitution d’un vivier de candidats.',
      'Receiving and assessing applications, interviews, decisions and a talent pool.',
    ),
    role: 'controller',
    purposes: [
      { description: t('Examiner les candidatures et sélectionner les candidats', 'Assess applications and select candidates'), main: true, legalBasis: 'contract', legalReference: 'Règlement (UE) 2016/679, art. 6(1)(b) (mesures précontractuelles) ; Code du travail, art. L1221-6' },
      {
        description: t('Conserver les candidatures non retenues dans un vivier', 'Keep unsuccessful applications in a talent pool'),
        main: false,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: {
          purpose: t('Proposer au candidat d’autres postes correspondant à son profil', 'Offer the applicant other openings matching their profile'),
          necessity: t('Seuls le CV et la lettre sont gardés, au plus 2 ans après le dernier contact', 'Only the CV and cover letter are kept, at most 2 years after the last contact'),
          balancing: t('Le candidat en est informé et peut s’y opposer à tout moment ; aucun usage commercial', 'The applicant is told and may object at any time; no commercial use'),
        },
      },
    ],
    dataSubjects: [{ category: 'candidates' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, coordonnées', 'Name, contact details'), source: 'direct', mandatory: true, minimisationJustification: t('Pour répondre au candidat', 'To answer the applicant'), retention: 'hr_candidate_pool' },
      { category: 'professional_life', description: t('CV, diplômes, expérience, notes d’entretien', 'CV, degrees, experience, interview notes'), source: 'direct', mandatory: true, minimisationJustification: t('Seules les informations liées à l’aptitude à occuper le poste (C. trav., art. L1221-6)', 'Only information on the ability to hold the job (Labour Code, L1221-6)'), retention: 'hr_candidate_pool' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Ressources humaines et responsables du recrutement', 'Human resources and hiring managers') },
    ],
    securityMeasures: ['access_control', 'authentication', 'awareness_training'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'staff_training',
    publicBody: false,
    name: t('Formation du personnel', 'Staff training'),
    description: t('Recensement des besoins, inscription et suivi des formations, entretiens professionnels.', 'Training needs, enrolment and follow-up, professional reviews.'),
    role: 'controller',
    purposes: [
      { description: t('Assurer l’adaptation des salariés à leur poste et suivre leurs formations', 'Keep employees fit for their job and follow their training'), main: true, legalBasis: 'legal_obligation', legalReference: 'Code du travail, art. L6321-1 et L6315-1' },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'interns' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, service', 'Name, department'), source: 'internal', mandatory: true, minimisationJustification: t('Pour inscrire la personne', 'To enrol the person'), retention: 'hr_employee_file' },
      { category: 'professional_life', description: t('Formations suivies, attestations, compte rendu d’entretien professionnel', 'Courses attended, certificates, professional review'), source: 'internal', mandatory: true, minimisationJustification: t('Preuve des actions de formation menées', 'Evidence of the training given'), retention: 'hr_employee_file' },
    ],
    recipients: [
      { category: 'internal_service', name: HR_SERVICE },
      { category: 'authorised_third_party', name: t('Organismes de formation et opérateur de compétences (OPCO)', 'Training providers and skills operator (OPCO)') },
    ],
    securityMeasures: ['access_control', 'authentication'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'access_badges',
    publicBody: false,
    name: t('Badges d’accès aux locaux', 'Access badges'),
    description: t('Contrôle des accès aux locaux et aux zones réservées par badge, sans données biométriques.', 'Badge control of access to the premises and restricted areas, without biometrics.'),
    role: 'controller',
    purposes: [
      {
        description: t('Contrôler l’accès aux locaux et aux zones réservées', 'Control access to the premises and restricted areas'),
        main: true,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: {
          purpose: t('Protéger les personnes et les biens dans les locaux', 'Protect people and property on the premises'),
          necessity: t('Badge nominatif sans biométrie ; passages gardés au plus 3 mois', 'Named badge without biometrics; entries kept at most 3 months'),
          balancing: t('Aucun suivi du temps de travail ni des déplacements à l’intérieur des locaux à partir de ces données', 'These data are not used to track working time or movements inside the premises'),
        },
      },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'contractors' }, { category: 'visitors' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, photo, numéro de badge', 'Name, photo, badge number'), source: 'direct', mandatory: true, minimisationJustification: t('Pour attribuer le badge à son titulaire', 'To assign the badge to its holder'), retention: null },
      { category: 'location', description: t('Date, heure et porte de chaque passage', 'Date, time and door of each entry'), source: 'internal', mandatory: true, minimisationJustification: t('Pour enquêter sur un incident de sécurité', 'To investigate a security incident'), retention: 'access_badge_movements' },
    ],
    recipients: [{ category: 'internal_service', name: t('Services généraux et sécurité', 'Facilities and security') }],
    securityMeasures: ['physical_security', 'access_control', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    // The badge file follows each holder's departure, which the organisation's own procedure sets.
    leftToOrganization: [...OWN_NOTICE_AND_CONTACT, 'dataCategories[0].retention'],
  },
  {
    code: 'video_surveillance',
    publicBody: false,
    name: t('Vidéosurveillance des locaux', 'CCTV on the premises'),
    description: t('Caméras aux accès et dans les zones de stockage, hors postes de travail et lieux de pause.', 'Cameras at entrances and storage areas, never on workstations or break rooms.'),
    role: 'controller',
    purposes: [
      {
        description: t('Assurer la sécurité des personnes et des biens', 'Keep people and property safe'),
        main: true,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: {
          purpose: t('Prévenir les vols et dégradations, identifier les auteurs', 'Prevent theft and damage, identify those responsible'),
          necessity: t('Caméras limitées aux accès et aux zones à risque ; images gardées au plus 1 mois', 'Cameras only at entrances and risk areas; footage kept at most 1 month'),
          balancing: t('Pas de surveillance permanente des salariés ; consultation des images réservée aux personnes habilitées, en cas d’incident', 'No constant monitoring of staff; footage viewed only by authorised people, after an incident'),
        },
      },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'visitors' }, { category: 'customers' }],
    dataCategories: [
      { category: 'identity', description: t('Images des personnes filmées, date et heure', 'Images of the people filmed, date and time'), source: 'direct', mandatory: true, minimisationJustification: t('Champ des caméras limité aux zones à protéger', 'Camera field limited to the areas to protect'), retention: 'video_surveillance' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Responsable sécurité', 'Security manager') },
      { category: 'public_authority', name: t('Forces de l’ordre, sur réquisition', 'Police, on a formal request') },
    ],
    securityMeasures: ['physical_security', 'access_control', 'traceability', 'authentication'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'it_logs',
    publicBody: false,
    name: t('Journalisation des accès informatiques', 'IT access logs'),
    description: t('Traces des connexions et des actions sur le système d’information, pour en assurer la sécurité.', 'Records of logins and actions on the information system, to keep it secure.'),
    role: 'controller',
    purposes: [
      { description: t('Détecter et analyser les incidents de sécurité et les accès frauduleux', 'Detect and investigate security incidents and unlawful access'), main: true, legalBasis: 'legal_obligation', legalReference: GDPR_32 },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'contractors' }, { category: 'users' }],
    dataCategories: [
      { category: 'identity', description: t('Identifiant de l’utilisateur', 'User identifier'), source: 'internal', mandatory: true, minimisationJustification: t('Pour rattacher une action à un compte', 'To tie an action to an account'), retention: 'it_access_logs' },
      { category: 'connection', description: t('Date, heure, adresse IP, poste, action réalisée', 'Date, time, IP address, device, action'), source: 'internal', mandatory: true, minimisationJustification: t('Seuls les événements utiles à la sécurité sont journalisés', 'Only security-relevant events are logged'), retention: 'it_access_logs' },
    ],
    recipients: [{ category: 'internal_service', name: t('Direction des systèmes d’information', 'IT department') }],
    securityMeasures: ['traceability', 'access_control', 'server_security', 'incident_management'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'website_audience',
    publicBody: false,
    name: t('Mesure d’audience du site web', 'Website audience measurement'),
    description: t('Statistiques de fréquentation du site par traceurs, déposés avec l’accord du visiteur.', 'Website visit statistics through trackers set with the visitor’s agreement.'),
    role: 'controller',
    purposes: [
      { description: t('Mesurer la fréquentation du site et améliorer ses contenus', 'Measure visits to the site and improve its content'), main: true, legalBasis: 'consent', legalReference: 'Loi n° 78-17 du 6 janvier 1978, art. 82' },
    ],
    dataSubjects: [{ category: 'website_visitors' }],
    dataCategories: [
      { category: 'internet', description: t('Identifiant du traceur (cookie)', 'Tracker (cookie) identifier'), source: 'direct', mandatory: false, minimisationJustification: t('Un identifiant par navigateur, sans lien avec l’identité', 'One identifier per browser, not tied to the person’s identity'), retention: 'tracker_lifetime' },
      { category: 'connection', description: t('Pages vues, date et durée de visite, adresse IP tronquée', 'Pages viewed, visit date and length, truncated IP address'), source: 'direct', mandatory: false, minimisationJustification: t('Statistiques agrégées seulement', 'Aggregate statistics only'), retention: 'audience_measurement_data' },
    ],
    recipients: [{ category: 'internal_service', name: t('Service communication', 'Communications department') }],
    securityMeasures: ['website_security', 'data_minimisation', 'access_control'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'newsletter',
    publicBody: false,
    name: t('Lettre d’information', 'Newsletter'),
    description: t('Envoi par e-mail d’une lettre d’information aux personnes qui s’y sont abonnées.', 'E-mailing a newsletter to the people who subscribed.'),
    role: 'controller',
    purposes: [
      { description: t('Envoyer la lettre d’information aux abonnés', 'Send the newsletter to subscribers'), main: true, legalBasis: 'consent', legalReference: 'Code des postes et des communications électroniques, art. L34-5' },
      { description: t('Respecter les désinscriptions', 'Honour unsubscriptions'), main: false, legalBasis: 'legal_obligation', legalReference: 'Code des postes et des communications électroniques, art. L34-5 ; Règlement (UE) 2016/679, art. 7(3) et 21' },
    ],
    dataSubjects: [{ category: 'prospects' }, { category: 'customers' }],
    dataCategories: [
      { category: 'identity', description: t('Adresse e-mail, prénom', 'E-mail address, first name'), source: 'direct', mandatory: true, minimisationJustification: t('L’adresse suffit ; le prénom est facultatif', 'The address is enough; the first name is optional'), retention: 'prospect_data' },
      { category: 'identity', description: t('Adresse e-mail des désinscrits (liste d’opposition)', 'E-mail address of those who unsubscribed (do-not-contact list)'), source: 'direct', mandatory: true, minimisationJustification: t('Le strict nécessaire pour ne plus écrire à la personne', 'Only what is needed never to write to the person again'), retention: 'objection_list' },
    ],
    recipients: [{ category: 'internal_service', name: t('Service marketing', 'Marketing department') }],
    securityMeasures: ['access_control', 'authentication', 'secure_exchanges'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'customer_management',
    publicBody: false,
    name: t('Gestion des clients', 'Customer management'),
    description: t('Gestion des commandes, des contrats, des livraisons et du suivi de la relation client.', 'Orders, contracts, deliveries and the follow-up of the customer relationship.'),
    role: 'controller',
    purposes: [
      { description: t('Exécuter les commandes et les contrats des clients', 'Perform customers’ orders and contracts'), main: true, legalBasis: 'contract', legalReference: null },
    ],
    dataSubjects: [{ category: 'customers' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, adresses de livraison et de facturation, téléphone, e-mail', 'Name, delivery and billing addresses, phone, e-mail'), source: 'direct', mandatory: true, minimisationJustification: t('Pour livrer et joindre le client', 'To deliver and reach the customer'), retention: 'customer_relationship' },
      { category: 'economic_financial', description: t('Historique des commandes, moyen de paiement choisi', 'Order history, chosen payment method'), source: 'direct', mandatory: true, minimisationJustification: t('Pour exécuter et prouver les commandes', 'To perform and prove the orders'), retention: 'customer_relationship' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service commercial et logistique', 'Sales and logistics') },
      { category: 'processor', name: t('Transporteur', 'Carrier') },
    ],
    securityMeasures: ['access_control', 'authentication', 'backup', 'processor_management'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'customer_service',
    publicBody: false,
    name: t('Service client', 'Customer service'),
    description: t('Traitement des demandes, réclamations et appels des clients, dont l’écoute et l’enregistrement des appels pour la formation.', 'Handling customers’ requests, complaints and calls, including call recording for training.'),
    role: 'controller',
    purposes: [
      { description: t('Répondre aux demandes et réclamations des clients', 'Answer customers’ requests and complaints'), main: true, legalBasis: 'contract', legalReference: null },
      {
        description: t('Enregistrer des appels pour former les conseillers', 'Record calls to train advisers'),
        main: false,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: {
          purpose: t('Améliorer la qualité des réponses', 'Improve the quality of answers'),
          necessity: t('Enregistrement ponctuel, non systématique, gardé au plus 6 mois', 'Occasional, not systematic, kept at most 6 months'),
          balancing: t('Les clients et les conseillers en sont informés et le client peut s’y opposer en début d’appel', 'Customers and advisers are told, and the customer may object at the start of the call'),
        },
      },
    ],
    dataSubjects: [{ category: 'customers' }, { category: 'employees' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, numéro client, coordonnées', 'Name, customer number, contact details'), source: 'direct', mandatory: true, minimisationJustification: t('Pour retrouver le dossier du client', 'To find the customer’s file'), retention: 'customer_relationship' },
      { category: 'communications', description: t('Enregistrements des appels', 'Call recordings'), source: 'direct', mandatory: false, minimisationJustification: t('Seuls quelques appels, pour la formation', 'Only a few calls, for training'), retention: 'hr_call_recordings' },
    ],
    recipients: [{ category: 'internal_service', name: t('Service client', 'Customer service') }],
    securityMeasures: ['access_control', 'authentication', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'invoicing',
    publicBody: false,
    name: t('Facturation et comptabilité clients', 'Invoicing and accounts receivable'),
    description: t('Émission des factures, encaissement des paiements, relances et tenue de la comptabilité.', 'Issuing invoices, collecting payments, reminders and bookkeeping.'),
    role: 'controller',
    purposes: [
      { description: t('Émettre les factures et tenir la comptabilité', 'Issue invoices and keep the accounts'), main: true, legalBasis: 'legal_obligation', legalReference: 'Code de commerce, art. L123-22 et L441-9 ; Code général des impôts, art. 289' },
      { description: t('Encaisser les paiements par carte', 'Take card payments'), main: false, legalBasis: 'contract', legalReference: null },
    ],
    dataSubjects: [{ category: 'customers' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, adresse de facturation', 'Name, billing address'), source: 'direct', mandatory: true, minimisationJustification: t('Mentions obligatoires de la facture', 'Particulars an invoice must carry'), retention: 'accounting_records' },
      { category: 'economic_financial', description: t('Montants, dates et moyens de paiement', 'Amounts, dates and means of payment'), source: 'direct', mandatory: true, minimisationJustification: t('Pièces justificatives comptables', 'Accounting vouchers'), retention: 'accounting_records' },
      { category: 'economic_financial', description: t('Données de carte bancaire (sans le cryptogramme)', 'Card data (never the security code)'), source: 'direct', mandatory: false, minimisationJustification: t('Pour le paiement et les contestations seulement', 'For the payment and disputes only'), retention: 'payment_card_one_off' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Service comptable', 'Accounts department') },
      { category: 'authorised_third_party', name: t('Commissaire aux comptes, administration fiscale', 'Statutory auditor, tax authority') },
    ],
    securityMeasures: ['access_control', 'authentication', 'backup', 'archiving_security'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'supplier_management',
    publicBody: false,
    name: t('Gestion des fournisseurs', 'Supplier management'),
    description: t('Référencement, commandes, contrats et paiement des fournisseurs ; contacts chez les fournisseurs.', 'Onboarding, orders, contracts and payment of suppliers; contacts at suppliers.'),
    role: 'controller',
    purposes: [
      { description: t('Passer et suivre les commandes et contrats fournisseurs', 'Place and follow orders and supplier contracts'), main: true, legalBasis: 'contract', legalReference: null },
      { description: t('Payer les fournisseurs et tenir la comptabilité', 'Pay suppliers and keep the accounts'), main: false, legalBasis: 'legal_obligation', legalReference: 'Code de commerce, art. L123-22' },
    ],
    dataSubjects: [{ category: 'suppliers_contacts' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, e-mail et téléphone professionnels', 'Name, work e-mail and phone'), source: 'direct', mandatory: true, minimisationJustification: t('Pour joindre l’interlocuteur', 'To reach the contact person'), retention: 'commercial_contracts' },
      { category: 'professional_life', description: t('Fonction, société', 'Position, company'), source: 'direct', mandatory: true, minimisationJustification: t('Pour savoir qui engage le fournisseur', 'To know who commits the supplier'), retention: 'commercial_contracts' },
      { category: 'economic_financial', description: t('Coordonnées bancaires, factures reçues', 'Bank details, invoices received'), source: 'direct', mandatory: true, minimisationJustification: t('Pour payer et justifier les paiements', 'To pay and evidence payments'), retention: 'accounting_records' },
    ],
    recipients: [
      { category: 'internal_service', name: t('Achats et comptabilité', 'Purchasing and accounts') },
    ],
    securityMeasures: ['access_control', 'authentication', 'backup'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'whistleblowing',
    publicBody: false,
    name: t('Dispositif d’alerte professionnelle', 'Whistleblowing scheme'),
    description: t('Recueil et traitement des signalements d’atteintes à la loi ou à l’intérêt général, avec protection du lanceur d’alerte.', 'Receiving and handling reports of breaches of the law or of the public interest, protecting the whistleblower.'),
    role: 'controller',
    purposes: [
      { description: t('Recueillir et traiter les signalements', 'Receive and handle reports'), main: true, legalBasis: 'legal_obligation', legalReference: 'Loi n° 2016-1691 du 9 décembre 2016, art. 8 ; décret n° 2022-1284 du 3 octobre 2022' },
    ],
    dataSubjects: [{ category: 'employees' }, { category: 'contractors' }, { category: 'other' }],
    dataCategories: [
      { category: 'identity', description: t('Identité de l’auteur du signalement, des personnes visées et des témoins', 'Identity of the reporter, the persons concerned and witnesses'), source: 'direct', mandatory: false, minimisationJustification: t('Seules les personnes utiles à la vérification des faits', 'Only people needed to check the facts'), retention: 'whistleblowing_no_action' },
      { category: 'professional_life', description: t('Fonctions, faits signalés, éléments recueillis lors des vérifications', 'Positions, facts reported, what the checks found'), source: 'direct', mandatory: true, minimisationJustification: t('Faits formulés de manière objective, en lien direct avec l’alerte', 'Facts stated objectively, directly tied to the report'), retention: 'whistleblowing_no_action' },
    ],
    recipients: [{ category: 'internal_service', name: t('Référent alerte', 'Whistleblowing officer') }],
    securityMeasures: ['access_control', 'authentication', 'encryption', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    dpiaScreening: {
      onCnilRequiredList: 'professional_alerts',
      justification: t('Traitement de la liste de la CNIL des traitements soumis à analyse d’impact (délib. 2018-327)', 'On the CNIL’s list of processing that needs a DPIA (deliberation 2018-327)'),
    },
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'vehicle_geolocation',
    publicBody: false,
    name: t('Géolocalisation des véhicules de service', 'Company vehicle tracking'),
    description: t('Localisation des véhicules utilisés par les salariés pour organiser les interventions, hors temps de pause et trajets privés.', 'Locating vehicles used by employees to organise jobs, never during breaks or private trips.'),
    role: 'controller',
    purposes: [
      {
        description: t('Organiser et suivre les interventions auprès des clients', 'Plan and follow jobs at customers’ sites'),
        main: true,
        legalBasis: 'legitimate_interests',
        legalReference: null,
        legitimateInterestAssessment: {
          purpose: t('Affecter le véhicule le plus proche et justifier les interventions', 'Send the nearest vehicle and evidence the jobs done'),
          necessity: t('Localisation pendant le temps de travail seulement, gardée 2 mois', 'Location during working time only, kept 2 months'),
          balancing: t('Le salarié peut désactiver la localisation en dehors du travail ; pas de contrôle de la vitesse', 'Employees can switch it off outside work; speed is not monitored'),
        },
      },
    ],
    dataSubjects: [{ category: 'employees' }],
    dataCategories: [
      { category: 'identity', description: t('Conducteur, véhicule', 'Driver, vehicle'), source: 'internal', mandatory: true, minimisationJustification: t('Pour savoir qui intervient', 'To know who does the job'), retention: 'vehicle_geolocation' },
      { category: 'location', description: t('Position, date et heure', 'Position, date and time'), source: 'internal', mandatory: true, minimisationJustification: t('Relevée pendant les heures de travail seulement', 'Recorded during working hours only'), retention: 'vehicle_geolocation' },
    ],
    recipients: [{ category: 'internal_service', name: t('Service planification', 'Scheduling department') }],
    securityMeasures: ['access_control', 'authentication', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'commercial_prospecting',
    publicBody: false,
    name: t('Prospection commerciale', 'Direct marketing'),
    description: t('Envoi d’offres aux clients et prospects, et gestion des oppositions.', 'Sending offers to customers and prospects, and honouring objections.'),
    role: 'controller',
    purposes: [
      {
        description: t('Proposer aux clients des produits analogues à ceux achetés', 'Offer customers products similar to those they bought'),
        main: true,
        legalBasis: 'legitimate_interests',
        legalReference: 'Code des postes et des communications électroniques, art. L34-5, al. 4',
        legitimateInterestAssessment: {
          purpose: t('Développer les ventes auprès des clients existants', 'Grow sales with existing customers'),
          necessity: t('Coordonnées et historique d’achat seulement, 3 ans après le dernier contact', 'Contact details and purchase history only, 3 years after the last contact'),
          balancing: t('Le client a pu refuser dès la collecte et peut s’opposer dans chaque message', 'Customers could refuse at collection and may object in every message'),
        },
      },
      { description: t('Prospecter des personnes qui y ont consenti', 'Market to people who consented'), main: false, legalBasis: 'consent', legalReference: 'Code des postes et des communications électroniques, art. L34-5' },
    ],
    dataSubjects: [{ category: 'customers' }, { category: 'prospects' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, prénom, e-mail, adresse (clients)', 'Name, e-mail, address (customers)'), source: 'direct', mandatory: true, minimisationJustification: t('Pour adresser les offres', 'To send the offers'), retention: 'customer_marketing' },
      { category: 'identity', description: t('Nom, prénom, e-mail (prospects)', 'Name, e-mail (prospects)'), source: 'direct', mandatory: true, minimisationJustification: t('Pour adresser les offres', 'To send the offers'), retention: 'prospect_data' },
      { category: 'identity', description: t('Liste d’opposition', 'Do-not-contact list'), source: 'direct', mandatory: true, minimisationJustification: t('Pour respecter l’opposition', 'To honour the objection'), retention: 'objection_list' },
    ],
    recipients: [{ category: 'internal_service', name: t('Service marketing', 'Marketing department') }],
    securityMeasures: ['access_control', 'authentication'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
  {
    code: 'rights_requests',
    publicBody: false,
    name: t('Gestion des demandes d’exercice des droits', 'Handling data protection rights requests'),
    description: t('Réception, traitement et preuve des réponses aux demandes d’accès, de rectification, d’effacement et d’opposition.', 'Receiving, handling and evidencing answers to access, rectification, erasure and objection requests.'),
    role: 'controller',
    purposes: [
      { description: t('Répondre aux demandes d’exercice des droits dans le délai légal', 'Answer rights requests within the legal deadline'), main: true, legalBasis: 'legal_obligation', legalReference: 'Règlement (UE) 2016/679, art. 12 à 22' },
    ],
    dataSubjects: [{ category: 'customers' }, { category: 'employees' }, { category: 'other' }],
    dataCategories: [
      { category: 'identity', description: t('Nom, coordonnées du demandeur, objet de la demande', 'Requester’s name and contact details, what was asked'), source: 'direct', mandatory: true, minimisationJustification: t('Pour répondre et prouver la réponse', 'To answer and evidence the answer'), retention: 'rights_request_access' },
      { category: 'identity', description: t('Demandes d’opposition et leur suite', 'Objection requests and what was done'), source: 'direct', mandatory: true, minimisationJustification: t('Preuve du respect de l’opposition', 'Evidence the objection was honoured'), retention: 'rights_request_objection' },
    ],
    recipients: [{ category: 'internal_service', name: t('Délégué à la protection des données', 'Data protection officer') }],
    securityMeasures: ['access_control', 'authentication', 'traceability'],
    dataSubjectInformation: null,
    rightsProcedure: null,
    leftToOrganization: OWN_NOTICE_AND_CONTACT,
  },
];

export const ACTIVITY_TEMPLATES: readonly ActivityTemplate[] = [...PRIVATE_TEMPLATES, ...PUBLIC_BODY_TEMPLATES];

export function findTemplate(code: string): ActivityTemplate | undefined {
  return ACTIVITY_TEMPLATES.find((template) => template.code === code);
}
