import dataCategories from '../../catalogues/data/data-categories.json';
import dataSubjectCategories from '../../catalogues/data/data-subject-categories.json';
import legalBases from '../../catalogues/data/legal-bases.json';
import recipientCategories from '../../catalogues/data/recipient-categories.json';
import retentionCatalogue from '../../catalogues/data/retention-references.json';
import securityMeasures from '../../catalogues/data/security-measures.json';
import dpia from '../../catalogues/data/dpia.json';
import { checkActivity } from '../activity-rules';
import { LEGAL_BASES_NEEDING_REFERENCE } from '../activity.types';
import { retentionBeyondReferences } from '../retention-references';
import { ActivityTemplate, templateDraft } from './activity-template';
import { ACTIVITY_TEMPLATES } from './templates';

const codes = (catalogue: { items: { code: string }[] }) => new Set(catalogue.items.map((item) => item.code));
const facts = { specialDataCategories: new Set(dataCategories.items.filter((item) => item.special).map((item) => item.code)) };
const retentionEntries = new Map(retentionCatalogue.items.map((item) => [item.code, item]));
const cases = ACTIVITY_TEMPLATES.map((template) => [template.code, template] as [string, ActivityTemplate]);

describe('activity templates (issue #19 item 4)', () => {
  it('ships at least 20 ready processings, each code once, the ones the issue names among them', () => {
    const all = ACTIVITY_TEMPLATES.map((template) => template.code);
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining([
        'payroll', 'recruitment', 'staff_training', 'access_badges', 'video_surveillance', 'it_logs', 'website_audience', 'newsletter',
        'customer_management', 'customer_service', 'invoicing', 'supplier_management', 'whistleblowing',
        'civil_status', 'school_registration_canteen', 'electoral_lists', 'social_services', 'parking_permits',
      ]),
    );
    expect(ACTIVITY_TEMPLATES.filter((template) => template.publicBody).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s: the draft passes the register’s rules except exactly what is left to the organisation', (_code, template) => {
    for (const locale of ['fr', 'en'] as const) {
      const draft = templateDraft(template, locale);
      const { problems } = checkActivity({ ...draft, jointControllers: [], clientControllers: [] }, facts);
      expect(problems.map((problem) => problem.path).sort()).toEqual([...template.leftToOrganization].sort());
    }
  });

  it.each(cases)('%s: every retention is the retention catalogue’s entry it cites, and within the reference durations', (_code, template) => {
    template.dataCategories.forEach((category, index) => {
      const draft = templateDraft(template, 'fr').dataCategories[index];
      if (typeof category.retention === 'string') {
        const entry = retentionEntries.get(category.retention);
        expect(entry).toBeDefined();
        expect(draft.retention).toEqual({
          activePeriod: entry!.activePeriod,
          archivePeriod: entry!.archivePeriod,
          startEvent: entry!.startEventCode,
          legalReference: entry!.legalReference ?? entry!.source,
          endAction: 'delete',
          unlimitedJustification: null,
        });
      } else if (category.retention === null) {
        expect(template.leftToOrganization).toContain(`dataCategories[${index}].retention`);
      } else {
        // Permanent archives: never silently unlimited, always with the text that makes them so.
        expect(draft.retention).toMatchObject({ activePeriod: null, legalReference: expect.stringMatching(/art\./) });
        expect(draft.retention!.unlimitedJustification).toBeTruthy();
      }
    });
    const draft = templateDraft(template, 'fr');
    expect(retentionBeyondReferences({ dataSubjects: draft.dataSubjects, dataCategories: draft.dataCategories })).toEqual([]);
  });

  it.each(cases)('%s: codes from the catalogues, legal references where the basis needs one, FR and EN text everywhere', (_code, template) => {
    const subjects = codes(dataSubjectCategories);
    const categories = codes(dataCategories);
    const measures = codes(securityMeasures);
    const recipients = codes(recipientCategories);
    const bases = codes(legalBases);
    expect(template.dataSubjects.every((subject) => subjects.has(subject.category))).toBe(true);
    expect(template.dataCategories.every((category) => categories.has(category.category))).toBe(true);
    expect(template.securityMeasures.length).toBeGreaterThan(0);
    expect(template.securityMeasures.every((measure) => measures.has(measure))).toBe(true);
    expect(template.recipients.every((recipient) => recipients.has(recipient.category))).toBe(true);
    expect(template.purposes.filter((purpose) => purpose.main)).toHaveLength(1);
    for (const purpose of template.purposes) {
      expect(bases.has(purpose.legalBasis)).toBe(true);
      if (LEGAL_BASES_NEEDING_REFERENCE.includes(purpose.legalBasis)) expect(purpose.legalReference).toMatch(/(art\.|Règlement|Loi|loi)/);
      // A public body's tasks never rest on legitimate interests (GDPR Art 6(1), last subparagraph).
      if (template.publicBody) expect(purpose.legalBasis).not.toBe('legitimate_interests');
    }
    if (template.dpiaScreening) expect(dpia.cnilRequiredList.map((item) => item.code)).toContain(template.dpiaScreening.onCnilRequiredList);

    const fr = JSON.stringify(templateDraft(template, 'fr'));
    const en = JSON.stringify(templateDraft(template, 'en'));
    const texts: { fr: string; en: string }[] = [];
    const collect = (value: unknown): void => {
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.fr === 'string' && typeof record.en === 'string' && Object.keys(record).length === 2) texts.push(record as { fr: string; en: string });
        else Object.values(record).forEach(collect);
      }
    };
    collect(template);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text.fr.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      // French typography: the typographic apostrophe, never the typewriter one.
      expect(text.fr).not.toContain("'");
    }
    expect(fr).not.toEqual(en);
  });
});
