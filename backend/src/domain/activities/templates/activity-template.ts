/**
 * Activity templates (issue #19 item 4): ready processings to start a draft from. Pure data and one
 * pure function, shared by the API (which creates the draft through the register's own create path)
 * and the web app. Retention always comes from the retention catalogue (durations, start event and
 * legal reference or source), never typed here, so a template cannot drift from the reference it cites.
 */
import retentionCatalogue from '../../catalogues/data/retention-references.json';
import type { ActivityRole, DataSource, LegalBasis, Retention } from '../activity.types';

export type TemplateLocale = 'fr' | 'en';
export interface TemplateText {
  fr: string;
  en: string;
}

export interface TemplatePurpose {
  description: TemplateText;
  main: boolean;
  legalBasis: LegalBasis;
  /** The French or EU text, cited as is (required for legal obligation and public task). */
  legalReference: string | null;
  legitimateInterestAssessment?: { purpose: TemplateText; necessity: TemplateText; balancing: TemplateText };
}

export interface TemplateDataCategory {
  category: string;
  description: TemplateText;
  source: DataSource;
  mandatory: boolean;
  minimisationJustification: TemplateText;
  art9Condition?: string;
  /**
   * A code of retention-references.json; `unlimited` when a text makes the data permanent archives
   * (justified, with the text); null when only the organisation can set it (listed in leftToOrganization).
   */
  retention: string | { unlimited: TemplateText; legalReference: string } | null;
}

export interface ActivityTemplate {
  code: string;
  /** Written for public authorities and bodies (their tasks rest on public task, never legitimate interests). */
  publicBody: boolean;
  name: TemplateText;
  description: TemplateText;
  role: ActivityRole;
  purposes: TemplatePurpose[];
  dataSubjects: { category: string; vulnerable?: boolean }[];
  dataCategories: TemplateDataCategory[];
  recipients: { category: string; name: TemplateText | null }[];
  securityMeasures: string[];
  dataSubjectInformation: TemplateText | null;
  rightsProcedure: TemplateText | null;
  dpiaScreening?: { onCnilRequiredList: string; justification: TemplateText };
  /**
   * What only the organisation can know, as the paths of the register's rules it leaves unmet
   * (`dataSubjectInformation`, `rightsProcedure`, `dataCategories[2].retention`): the draft passes
   * every other rule (activity-templates.spec.ts).
   */
  leftToOrganization: string[];
}

interface CatalogueRetention {
  code: string;
  activePeriod: string;
  archivePeriod: string | null;
  startEventCode: string;
  legalReference: string | null;
  source: string;
}

const RETENTION = new Map((retentionCatalogue.items as CatalogueRetention[]).map((item) => [item.code, item]));

/** The retention rule a catalogue entry gives: its durations and start event, its legal reference or else its source. */
export function retentionFromCatalogue(code: string): Retention {
  const entry = RETENTION.get(code);
  if (!entry) throw new Error(`unknown retention reference ${code}`);
  return {
    activePeriod: entry.activePeriod,
    archivePeriod: entry.archivePeriod,
    startEvent: entry.startEventCode,
    legalReference: entry.legalReference ?? entry.source,
    endAction: 'delete',
    unlimitedJustification: null,
  };
}

/** The draft a template gives, in the interchange format the register's create path takes. */
export interface TemplateDraft {
  name: string;
  description: string;
  role: ActivityRole;
  purposes: { description: string; main: boolean; legalBasis: LegalBasis; legalReference: string | null; legitimateInterestAssessment: { purpose: string; necessity: string; balancing: string } | null }[];
  dataSubjects: { category: string; estimatedCount: null; vulnerable: boolean }[];
  dataCategories: {
    category: string;
    description: string;
    source: DataSource;
    sourceDetail: null;
    mandatory: boolean;
    minimisationJustification: string;
    art9Condition: string | null;
    retention: Retention | null;
  }[];
  recipients: { category: string; name: string | null }[];
  securityMeasures: string[];
  dataSubjectInformation: string | null;
  rightsProcedure: string | null;
  dpiaScreening?: { criteria: string[]; onCnilRequiredList: string; decision: 'required'; justification: string };
}

function retentionOf(retention: TemplateDataCategory['retention'], locale: TemplateLocale): Retention | null {
  if (retention === null) return null;
  if (typeof retention === 'string') return retentionFromCatalogue(retention);
  return {
    activePeriod: null,
    archivePeriod: null,
    startEvent: null,
    legalReference: retention.legalReference,
    endAction: 'delete',
    unlimitedJustification: retention.unlimited[locale],
  };
}

export function templateDraft(template: ActivityTemplate, locale: TemplateLocale, name?: string): TemplateDraft {
  const text = (value: TemplateText) => value[locale];
  return {
    name: name ?? text(template.name),
    description: text(template.description),
    role: template.role,
    purposes: template.purposes.map((purpose) => ({
      description: text(purpose.description),
      main: purpose.main,
      legalBasis: purpose.legalBasis,
      legalReference: purpose.legalReference,
      legitimateInterestAssessment: purpose.legitimateInterestAssessment
        ? {
            purpose: text(purpose.legitimateInterestAssessment.purpose),
            necessity: text(purpose.legitimateInterestAssessment.necessity),
            balancing: text(purpose.legitimateInterestAssessment.balancing),
          }
        : null,
    })),
    dataSubjects: template.dataSubjects.map((subject) => ({ category: subject.category, estimatedCount: null, vulnerable: subject.vulnerable ?? false })),
    dataCategories: template.dataCategories.map((category) => ({
      category: category.category,
      description: text(category.description),
      source: category.source,
      sourceDetail: null,
      mandatory: category.mandatory,
      minimisationJustification: text(category.minimisationJustification),
      art9Condition: category.art9Condition ?? null,
      retention: retentionOf(category.retention, locale),
    })),
    recipients: template.recipients.map((recipient) => ({ category: recipient.category, name: recipient.name ? text(recipient.name) : null })),
    securityMeasures: [...template.securityMeasures],
    dataSubjectInformation: template.dataSubjectInformation ? text(template.dataSubjectInformation) : null,
    rightsProcedure: template.rightsProcedure ? text(template.rightsProcedure) : null,
    ...(template.dpiaScreening
      ? { dpiaScreening: { criteria: [], onCnilRequiredList: template.dpiaScreening.onCnilRequiredList, decision: 'required' as const, justification: text(template.dpiaScreening.justification) } }
      : {}),
  };
}
