import { translate, type Locale } from '../common/i18n/i18n';
import { SUMMARY_SECTIONS, type BreachDetail, type NotificationSummary, type SummarySection } from '../domain/breaches/breach.types';

export { SUMMARY_SECTIONS, type NotificationSummary, type SummarySection };

export interface SummaryContext {
  locale: Locale;
  timeZone: string;
  organization: { name: string; dpoName: string | null; dpoEmail: string | null; dpoPhone: string | null };
  /** Label of a catalogue code in the locale (the code itself when unknown). */
  label(catalogue: 'data-categories' | 'data-subject-categories', code: string): string;
  /** Activities and vendors named as people know them. */
  activities: string[];
  vendors: string[];
}

/**
 * A breach laid out in the sections of the CNIL's notification form (Art 33(3): nature, categories
 * and approximate numbers, DPO contact, likely consequences, measures), in words: every value
 * labelled, every instant in the organisation's time zone. Pure.
 */
export function notificationSummary(breach: BreachDetail, ctx: SummaryContext): NotificationSummary {
  const m = (key: string, params: Record<string, string | number> = {}) => translate(ctx.locale, `breaches.summary_${key}`, params);
  const none = m('none');
  const at = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: ctx.timeZone }).format(new Date(iso)) : none;
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const count = (value: number | null) => (value === null ? none : value.toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB'));
  const or = (value: string | null) => value ?? none;
  const notification = breach.authorityNotification;
  const communication = breach.personsCommunication;
  const texts: Record<SummarySection, string> = {
    organisation: m('organisation_text', {
      name: ctx.organization.name,
      dpo: [ctx.organization.dpoName, ctx.organization.dpoEmail, ctx.organization.dpoPhone].filter(Boolean).join(', ') || none,
    }),
    circumstances: [
      m('aware', { date: at(breach.awareAt) }),
      m('occurred', { date: at(breach.occurredAt) }),
      m('discovery', { text: or(breach.discovery) }),
      // « Sous-traitant impliqué » or « Sous-traitants impliqués » by their number; the date the processor told us, when known.
      ...(breach.processorNotifiedAt || ctx.vendors.length ? [m('processor', { count: ctx.vendors.length, vendors: list(ctx.vendors) })] : []),
      ...(breach.processorNotifiedAt ? [m('processor_reported', { date: at(breach.processorNotifiedAt) })] : []),
      m('summary', { text: breach.summary }),
    ].join('\n'),
    nature: list(breach.natures.map((nature) => m(`nature_${nature}`))),
    scope: [
      m('data', { list: list(breach.dataCategories.map((code) => ctx.label('data-categories', code))) }),
      m('subjects', { list: list(breach.subjectCategories.map((code) => ctx.label('data-subject-categories', code))) }),
      m('numbers', { persons: count(breach.approxPersons), records: count(breach.approxRecords) }),
      m('activities', { list: list(ctx.activities) }),
    ].join('\n'),
    consequences: [
      or(breach.consequences),
      m('risk', { risk: m(`risk_${breach.risk ?? 'not_assessed'}`), rationale: or(breach.riskRationale) }),
      // The factors it was assessed on (EDPB Guidelines 9/2022), each in words.
      m('factors', {
        sensitive: m(breach.riskFactors.sensitiveData ? 'yes' : 'no'),
        identifiability: m(`level_${breach.riskFactors.identifiability ?? 'not_assessed'}`),
        severity: m(`level_${breach.riskFactors.severity ?? 'not_assessed'}`),
        vulnerable: m(breach.riskFactors.vulnerablePersons ? 'yes' : 'no'),
      }),
      ...(breach.riskFactors.controllerCharacteristics ? [m('controller_characteristics', { text: breach.riskFactors.controllerCharacteristics })] : []),
    ].join('\n'),
    measures: [m('measures_taken', { text: or(breach.measuresTaken) }), m('measures_proposed', { text: or(breach.measuresProposed) })].join('\n'),
    persons: communication.communicatedAt
      ? m('persons_told', { date: at(communication.communicatedAt), details: or(communication.details) })
      : communication.exception
        ? m('persons_exception', { exception: m(`exception_${communication.exception}`), details: or(communication.details) })
        : m('persons_not_told'),
    notification: [
      m('due', { date: at(breach.notificationDueAt) }),
      notification.phased ? m('phased') : m('not_phased'),
      ...(notification.delayReasons ? [m('delay', { text: notification.delayReasons })] : []),
    ].join('\n'),
  };
  const sections = SUMMARY_SECTIONS.map((key) => ({ key, title: m(`section_${key}`), text: texts[key] }));
  return { sections, text: sections.map((section) => `${section.title}\n${section.text}`).join('\n\n') };
}
