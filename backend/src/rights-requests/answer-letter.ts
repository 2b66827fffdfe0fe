import { translate, type Locale } from '../common/i18n/i18n';
import type { CatalogueLabels } from '../exports/catalogue-labels';
import type { ActivityContent } from '../domain/activities/activity.types';
import rights from '../domain/catalogues/data/rights.json';
import { countryName } from '../domain/words/country-names';
import { dateInWords } from '../domain/words/dates';
import { retentionInWords } from '../domain/words/durations';

/** What the letter is written from: the request, the organisation, the activities it touches. */
export interface AnswerLetterInput {
  locale: Locale;
  organization: { name: string; address: string | null; dpoName: string | null; dpoEmail: string | null };
  request: { reference: string; receivedAt: Date };
  activities: { name: string; content: ActivityContent }[];
  labels: CatalogueLabels;
}

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => !!value && value.trim() !== ''))];

/**
 * The answer to a right of access (Art 15(1) and (2)): for each processing the request touches, its
 * purposes and legal bases, the categories of data, the recipients, how long the data are kept, where
 * they come from and the transfers outside the EU with their safeguards; then the rights that apply,
 * the right to complain to the CNIL (Art 15(1)(f), Art 77) and the DPO's contact. A draft in the
 * requester's language that the DPO edits before sending: every value is a label, never a code.
 */
export function answerLetter(input: AnswerLetterInput): string {
  const { locale, labels } = input;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `answerLetter.${key}`, params);
  const label = (catalogue: string, code: string | null) => labels.label(catalogue, code, locale);
  const list = (items: string[]) => items.map((item) => `  – ${item}`).join('\n');
  const lines: string[] = [
    input.organization.name,
    ...(input.organization.address ? [input.organization.address] : []),
    '',
    t('subject', { reference: input.request.reference }),
    '',
    t('greeting'),
    '',
    t('intro', { date: dateInWords(input.request.receivedAt, locale) ?? '' }),
  ];

  if (!input.activities.length) lines.push('', t('none'));
  for (const { name, content } of input.activities) {
    lines.push('', `■ ${name}`);
    const purposes = content.purposes.map((purpose) =>
      purpose.legalBasis ? t('purposeWithBasis', { purpose: purpose.description, basis: label('legal-bases', purpose.legalBasis) ?? '' }) : purpose.description,
    );
    if (purposes.length) lines.push(t('purposes'), list(purposes));
    const categories = unique(content.dataCategories.map((category) => label('data-categories', category.category)));
    if (categories.length) lines.push(t('categories'), list(categories));
    const recipients = unique([...content.recipients.map((recipient) => recipient.name ?? label('recipient-categories', recipient.category)), ...content.processors]);
    lines.push(t('recipients'), recipients.length ? list(recipients) : `  – ${t('noRecipients')}`);
    const retention = unique(
      content.dataCategories.map((category) => {
        const words = category.retention ? retentionInWords(category.retention, locale) : null;
        return words ? t('retentionLine', { category: label('data-categories', category.category) ?? '', duration: words }) : null;
      }),
    );
    if (retention.length) lines.push(t('retention'), list(retention));
    const sources = unique(content.dataCategories.map((category) => category.sourceDetail ?? (category.source ? t(`source_${category.source}`) : null)));
    if (sources.length) lines.push(t('sources'), list(sources));
    const transfers = content.transfers.map((transfer) => {
      const country = countryName(transfer.country, locale, 'name');
      const mechanism = transfer.mechanism ? label('transfer-mechanisms', transfer.mechanism) : null;
      return mechanism ? t('transferWithMechanism', { country, mechanism }) : t('transferWithout', { country });
    });
    lines.push(t('transfers'), transfers.length ? list(transfers) : `  – ${t('noTransfers')}`);
    if (content.automatedDecisionMaking) lines.push(t('automatedDecision'));
  }

  // The rights that apply to the legal bases of these processings (rights.json: the Art 6 bases each right applies to).
  const bases = new Set(input.activities.flatMap(({ content }) => content.purposes.map((purpose) => purpose.legalBasis).filter(Boolean)));
  const applicable = rights.items
    .filter((right) => right.code !== 'access' && (bases.size === 0 || right.legalBases.some((basis) => bases.has(basis as never))))
    .map((right) => t('rightLine', { right: right[locale], help: right.help[locale] }));
  lines.push('', t('rights'), list(applicable), '', t('complaint'), '');
  const dpo = [input.organization.dpoName, input.organization.dpoEmail].filter(Boolean).join(', ');
  if (dpo) lines.push(t('dpo', { dpo }), '');
  lines.push(t('closing'), '', input.organization.dpoName ?? input.organization.name);
  return lines.join('\n');
}
