import countries from '@domain/catalogues/data/countries.json';
import mechanisms from '@domain/catalogues/data/transfer-mechanisms.json';

import { activityToForm, formToContent, ZActivityFormSchema, EMPTY_TRANSFER, uniqueNames, type TransferForm } from './schemas';
import { knownVendorOf, liveTransferStatuses, transferFactsOf, vendorNamed, withProcessor, type KnownVendor } from './transfers';
import type { ActivitySnapshot } from './types';

// The catalogues as the API serves them: the entry's facts spread beside its code and labels.
const asItems = (items: readonly { code: string; fr: string; en: string }[]) =>
  items.map((item) => ({ help: null, custom: false, ...item }));
const facts = transferFactsOf({ countries: asItems(countries.items), 'transfer-mechanisms': asItems(mechanisms.items) });

const row = (patch: Partial<TransferForm>): TransferForm => ({ ...EMPTY_TRANSFER, ...patch });
const certified: KnownVendor = { id: 'v1', name: 'Hébergement Atlantique Inc.', status: 'approved', dpfCertified: true };

describe('the live status of transfers being edited (the server’s rule)', () => {
  it('a US recipient not known as a vendor is to confirm (partial decision 2023/1795, Art 45(1)); choosing the SCC makes it safeguarded with a TIA expected', () => {
    const [without] = liveTransferStatuses([row({ country: 'US', recipient: 'Cartes « Pionnier » LLC' })], facts, []);
    expect(without).toMatchObject({ status: 'scope_to_confirm', needsMechanism: false, scopeToConfirm: true });
    expect(without?.reasons.map((reason) => reason.code)).toEqual(['partial_adequacy_unconfirmed']);

    const [withScc] = liveTransferStatuses([row({ country: 'US', recipient: 'Cartes « Pionnier » LLC', mechanism: 'scc' })], facts, []);
    expect(withScc).toMatchObject({ status: 'safeguarded', needsMechanism: false, tiaRequired: true });
  });

  it('a known DPF-certified vendor as recipient covers a US transfer without any other tool; the name is matched case-insensitively', () => {
    const statuses = liveTransferStatuses([row({ country: 'US', recipient: '  hébergement atlantique inc. ' })], facts, [certified]);
    expect(statuses[0]).toMatchObject({ status: 'adequate', reasons: [expect.objectContaining({ code: 'dpf_certified' })] });
  });

  it('the DPO’s confirmation for that recipient and country covers a partial decision (Art 45(1)), as the server counts it; another country or recipient stays to confirm', () => {
    const confirmations = [{ recipient: 'Sakura Honyaku KK', country: 'JP', decision: 'Implementing Decision (EU) 2019/419' }];
    const [confirmed, otherRecipient, otherCountry] = liveTransferStatuses(
      [row({ country: 'JP', recipient: '  sakura honyaku kk ' }), row({ country: 'JP', recipient: 'Kyōto « Lumière » KK' }), row({ country: 'KR', recipient: 'Sakura Honyaku KK' })],
      facts,
      [],
      confirmations,
    );
    expect(confirmed).toMatchObject({ status: 'adequate', reasons: [expect.objectContaining({ code: 'partial_adequacy_confirmed' })] });
    expect(otherRecipient).toMatchObject({ status: 'scope_to_confirm' });
    expect(otherCountry).toMatchObject({ status: 'scope_to_confirm' });
  });

  it('inside the EEA there is no transfer; a row without a country yet has no status', () => {
    expect(liveTransferStatuses([row({ country: 'IE' }), row({})], facts, [])).toEqual([
      expect.objectContaining({ status: 'eea', needsMechanism: false }),
      null,
    ]);
  });

  it('an Art 49 derogation is for occasional transfers only', () => {
    const derogation = mechanisms.items.find((item) => (item as { derogation?: boolean }).derogation === true);
    const [status] = liveTransferStatuses([row({ country: 'IN', mechanism: derogation?.code ?? '' })], facts, []);
    expect(status).toMatchObject({ occasionalOnly: true });
  });

  it('reads the DPF certification of a listed vendor as the server does (mechanism or certifications)', () => {
    expect(knownVendorOf({ id: 'a', name: 'A', status: 'approved', transferMechanism: 'dpf', certifications: [] }).dpfCertified).toBe(true);
    expect(knownVendorOf({ id: 'b', name: 'B', status: 'approved', transferMechanism: 'scc', certifications: ['EU-US DPF'] }).dpfCertified).toBe(true);
    expect(knownVendorOf({ id: 'c', name: 'C', status: 'under_review', transferMechanism: 'scc', certifications: ['ISO27001'] }).dpfCertified).toBe(false);
  });
});

describe('the processors picked', () => {
  it('adds a name once, compared as the API compares names', () => {
    expect(withProcessor(['Paysage Paie'], 'paysage paie')).toEqual(['Paysage Paie']);
    expect(withProcessor(['Paysage Paie'], '  Nuage Éthique  ')).toEqual(['Paysage Paie', 'Nuage Éthique']);
    expect(withProcessor([], '   ')).toEqual([]);
    expect(uniqueNames(['Élan', 'élan', ' ', 'Boréal '])).toEqual(['Élan', 'Boréal']);
    expect(vendorNamed([certified], 'HÉBERGEMENT ATLANTIQUE INC.')).toBe(certified);
    expect(vendorNamed([certified], '')).toBeNull();
  });
});

describe('processors and transfers in the activity form', () => {
  const activity = {
    processors: ['Paysage Paie', 'Cartes « Pionnier » LLC'],
    transfers: [
      { country: 'US', recipient: 'Cartes « Pionnier » LLC', mechanism: null, documentation: null },
      { country: 'CH', recipient: null, mechanism: 'adequacy', documentation: 'Décision 2000/518/CE' },
    ],
  };

  it('load into the form and come back unchanged', () => {
    const form = activityToForm(snapshot(activity), new Set());
    expect(form.processors).toEqual(activity.processors);
    expect(form.transfers[0]).toEqual({ country: 'US', recipient: 'Cartes « Pionnier » LLC', mechanism: '', documentation: '' });
    const content = formToContent(form);
    expect(content.processors).toEqual(activity.processors);
    expect(content.transfers).toEqual(activity.transfers);
  });

  it('refuses a transfer without a country and an over-long recipient, with the field of each', () => {
    const form = activityToForm(snapshot(activity), new Set());
    form.transfers.push(row({ recipient: 'x'.repeat(301) }));
    const result = ZActivityFormSchema.safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['transfers.2.country', 'validation.required'],
      ['transfers.2.recipient', 'validation.tooLong'],
    ]);
  });
});

function snapshot(content: Pick<ActivitySnapshot, 'processors' | 'transfers'>): ActivitySnapshot {
  return {
    reference: 'T-0042',
    name: 'Inscriptions aux activités d’été',
    description: null,
    department: null,
    departmentId: null,
    owner: null,
    ownerId: null,
    role: 'controller',
    status: 'draft',
    nextReviewDate: null,
    jointControllers: [],
    clientControllers: [],
    purposes: [],
    dataSubjects: [],
    dataCategories: [],
    recipients: [],
    securityMeasures: [],
    dataSubjectInformation: null,
    rightsProcedure: null,
    automatedDecisionMaking: false,
    dpiaScreening: { criteria: [], onCnilRequiredList: null, onCnilExemptList: null, decision: 'to_assess', justification: null },
    ...content,
  };
}
