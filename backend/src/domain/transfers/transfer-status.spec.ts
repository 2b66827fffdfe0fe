import countries from '../catalogues/data/countries.json';
import transferMechanisms from '../catalogues/data/transfer-mechanisms.json';
import { adequacyChanges, adequacyOn, concernedByAdequacyChange, AdequacyFacts, assessTransfer, assessVendor, TransferFacts, TransferInput, transferFactsFrom, transferFactsOn, zoneOf } from './transfer-status';

/** The shipped catalogues, as the catalogue sync loads them (code, labels and help apart, the rest are facts). */
const asRows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map((item) => {
    const { code, fr: _fr, en: _en, help: _help, ...facts } = item;
    return { code, facts };
  });
const facts = transferFactsFrom(asRows(countries.items), asRows(transferMechanisms.items), '2026-12-03');

const DPF = 'Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)';
const certified = { dpfCertified: true };
const notCertified = { dpfCertified: false };

describe('the transfer status of one destination (GDPR Chapter V)', () => {
  const cases: { name: string; input: TransferInput; status: string; reasons: string[]; tiaRequired?: boolean; occasionalOnly?: boolean }[] = [
    { name: 'EEA member state', input: { country: 'DE', mechanism: null }, status: 'eea', reasons: ['eea_member'] },
    { name: 'EEA state outside the EU (Norway)', input: { country: 'NO', mechanism: null }, status: 'eea', reasons: ['eea_member'] },
    { name: 'EU outermost region with its own code (Réunion)', input: { country: 'RE', mechanism: null }, status: 'eea', reasons: ['eea_territory'] },
    { name: 'Åland (EU territory of Finland)', input: { country: 'AX', mechanism: null }, status: 'eea', reasons: ['eea_territory'] },
    { name: 'EEA, even with a superfluous mechanism', input: { country: 'FR', mechanism: 'scc' }, status: 'eea', reasons: ['eea_member'] },
    { name: 'adequate country (Switzerland)', input: { country: 'CH', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'UK (adequacy renewed in 2025)', input: { country: 'GB', mechanism: 'adequacy' }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'UK without naming a mechanism', input: { country: 'GB', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'US, vendor DPF-certified', input: { country: 'US', mechanism: null, vendor: certified }, status: 'adequate', reasons: ['dpf_certified'] },
    { name: 'US, vendor DPF-certified, SCC superfluous', input: { country: 'US', mechanism: 'scc', vendor: certified }, status: 'adequate', reasons: ['dpf_certified'] },
    { name: 'US, vendor not DPF-certified, no mechanism', input: { country: 'US', mechanism: null, vendor: notCertified }, status: 'needs_mechanism', reasons: ['dpf_not_certified', 'no_mechanism'] },
    { name: 'US, "dpf" claimed but the vendor is not certified', input: { country: 'US', mechanism: 'dpf', vendor: notCertified }, status: 'needs_mechanism', reasons: ['dpf_not_certified'] },
    { name: 'US, not certified, SCC', input: { country: 'US', mechanism: 'scc', vendor: notCertified }, status: 'safeguarded', reasons: ['dpf_not_certified', 'appropriate_safeguard'], tiaRequired: true },
    { name: 'US, unknown recipient, "dpf" documented', input: { country: 'US', mechanism: 'dpf' }, status: 'adequate', reasons: ['dpf_certified'] },
    // Art 45(1) "one or more specified sectors": a partial decision asks whether the recipient is in scope.
    { name: 'Decision 2023/1795 (DPF), unknown recipient, nothing documented: to confirm', input: { country: 'US', mechanism: null }, status: 'scope_to_confirm', reasons: ['partial_adequacy_unconfirmed'] },
    { name: 'Decision 2023/1795 (DPF), recipient confirmed in scope by the DPO', input: { country: 'US', mechanism: null, scopeConfirmation: { decision: DPF } }, status: 'adequate', reasons: ['partial_adequacy_confirmed'] },
    { name: 'Decision 2023/1795, vendor not certified but confirmed by the DPO', input: { country: 'US', mechanism: null, vendor: notCertified, scopeConfirmation: { decision: DPF } }, status: 'adequate', reasons: ['partial_adequacy_confirmed'] },
    { name: 'partial adequacy (Japan, Decision 2019/419), "adequacy" documented', input: { country: 'JP', mechanism: 'adequacy' }, status: 'adequate', reasons: ['partial_adequacy_confirmed'] },
    { name: 'partial adequacy (Canada, Decision 2002/2/EC) not confirmed: to confirm, not a missing mechanism', input: { country: 'CA', mechanism: null }, status: 'scope_to_confirm', reasons: ['partial_adequacy_unconfirmed'] },
    { name: 'partial adequacy (Canada, Decision 2002/2/EC) confirmed for the recipient', input: { country: 'CA', mechanism: null, scopeConfirmation: { decision: 'Decision 2002/2/EC' } }, status: 'adequate', reasons: ['partial_adequacy_confirmed'] },
    {
      name: 'partial adequacy (Korea, Decision 2022/254), confirmation given under another decision does not carry over',
      input: { country: 'KR', mechanism: null, scopeConfirmation: { decision: 'Implementing Decision (EU) 2019/1' } },
      status: 'scope_to_confirm',
      reasons: ['partial_adequacy_decision_changed', 'partial_adequacy_unconfirmed'],
    },
    { name: 'partial adequacy (Korea) unconfirmed but SCC in place (Art 46(2)(c))', input: { country: 'KR', mechanism: 'scc' }, status: 'safeguarded', reasons: ['partial_adequacy_unconfirmed', 'appropriate_safeguard'], tiaRequired: true },
    { name: 'non-adequate country without mechanism (India)', input: { country: 'IN', mechanism: null }, status: 'needs_mechanism', reasons: ['no_adequacy', 'no_mechanism'] },
    { name: 'non-adequate country with SCC', input: { country: 'IN', mechanism: 'scc' }, status: 'safeguarded', reasons: ['no_adequacy', 'appropriate_safeguard'], tiaRequired: true },
    { name: 'non-adequate country with BCR', input: { country: 'MA', mechanism: 'bcr' }, status: 'safeguarded', reasons: ['no_adequacy', 'appropriate_safeguard'], tiaRequired: true },
    { name: 'non-adequate country claiming adequacy', input: { country: 'IN', mechanism: 'adequacy' }, status: 'needs_mechanism', reasons: ['no_adequacy', 'mechanism_not_applicable'] },
    { name: 'DPF outside the US', input: { country: 'IN', mechanism: 'dpf' }, status: 'needs_mechanism', reasons: ['no_adequacy', 'mechanism_not_applicable'] },
    {
      name: 'Art 49 derogation: occasional transfers only',
      input: { country: 'TN', mechanism: 'art49_explicit_consent' },
      status: 'derogation',
      reasons: ['no_adequacy', 'derogation_occasional_only'],
      occasionalOnly: true,
    },
    { name: 'unknown mechanism code', input: { country: 'IN', mechanism: 'handshake' }, status: 'needs_mechanism', reasons: ['unknown_mechanism', 'no_adequacy'] },
    { name: 'unknown country code', input: { country: 'ZZ', mechanism: 'scc' }, status: 'needs_mechanism', reasons: ['unknown_country'] },
    { name: 'French overseas country outside EU territory (New Caledonia)', input: { country: 'NC', mechanism: null }, status: 'needs_mechanism', reasons: ['no_adequacy', 'no_mechanism'] },
  ];

  it.each(cases)('$name → $status', ({ input, status, reasons, tiaRequired = false, occasionalOnly = false }) => {
    const assessment = assessTransfer(input, facts);
    expect({
      status: assessment.status,
      reasons: assessment.reasons.map((reason) => reason.code),
      needsMechanism: assessment.needsMechanism,
      tiaRequired: assessment.tiaRequired,
      occasionalOnly: assessment.occasionalOnly,
      scopeToConfirm: assessment.scopeToConfirm,
    }).toEqual({ status, reasons, needsMechanism: status === 'needs_mechanism', tiaRequired, occasionalOnly, scopeToConfirm: status === 'scope_to_confirm' });
    expect(assessment).toMatchObject({ country: input.country, mechanism: input.mechanism });
  });

  it('names what the reasons are about', () => {
    expect(assessTransfer({ country: 'TN', mechanism: 'art49_contract' }, facts).reasons).toEqual([
      { code: 'no_adequacy', params: { country: 'TN' } },
      { code: 'derogation_occasional_only', params: { mechanism: 'art49_contract', article: '49(1)(b)' } },
    ]);
    expect(assessTransfer({ country: 'RE', mechanism: null }, facts).reasons).toEqual([{ code: 'eea_territory', params: { country: 'RE', memberState: 'FR' } }]);
  });
});

/** A catalogue where decisions carry their dates, as a catalogue update would ship them. */
function dated(country: string, adequacy: Partial<AdequacyFacts>): TransferFacts {
  const place = facts.countries.get(country)!;
  const countries = new Map(facts.countries);
  countries.set(country, { ...place, adequacy: { scope: 'full', decision: '', since: null, validUntil: null, endedOn: null, annulledOn: null, ...place.adequacy, ...adequacy } });
  return { ...facts, countries };
}

describe('adequacy over time (Art 45(3), 45(5); Schrems I C-362/14, Schrems II C-311/18)', () => {
  // The UK decision (Implementing Decision 2021/1772, renewed on 19 Dec 2025 until 27 Dec 2031).
  const uk = facts;
  // The Privacy Shield (Decision 2016/1250), annulled by the Court in Schrems II on 16 July 2020.
  const privacyShield = dated('US', { scope: 'full', decision: 'Implementing Decision (EU) 2016/1250 (Privacy Shield)', since: '2016-08-01', annulledOn: '2020-07-16' });
  // Safe Harbour (Decision 2000/520/EC), annulled in Schrems I on 6 Oct 2015.
  const safeHarbour = dated('US', { scope: 'full', decision: 'Decision 2000/520/EC (Safe Harbour)', since: '2000-07-26', annulledOn: '2015-10-06' });
  // A decision repealed by the Commission (Art 45(5)), effective on a given day.
  const repealed = dated('CH', { endedOn: '2027-03-01' });
  const cases: { name: string; facts: TransferFacts; on: string; input: TransferInput; status: string; reasons: string[] }[] = [
    { name: 'UK, Decision 2021/1772 in force (renewed until 2031-12-27)', facts: uk, on: '2026-12-03', input: { country: 'GB', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'UK, on its last day of validity (Art 45(3): limited duration)', facts: uk, on: '2031-12-27', input: { country: 'GB', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'UK, the day after validUntil: expired', facts: uk, on: '2031-12-28', input: { country: 'GB', mechanism: null }, status: 'needs_mechanism', reasons: ['adequacy_expired', 'no_adequacy', 'no_mechanism'] },
    { name: 'UK, before Decision 2021/1772 took effect (2021-06-28)', facts: uk, on: '2021-06-27', input: { country: 'GB', mechanism: null }, status: 'needs_mechanism', reasons: ['adequacy_not_yet_in_force', 'no_adequacy', 'no_mechanism'] },
    { name: 'Brazil, the day Decision 2026/179 took effect (2026-01-26)', facts: uk, on: '2026-01-26', input: { country: 'BR', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'Brazil, before Decision 2026/179: SCC needed', facts: uk, on: '2025-12-31', input: { country: 'BR', mechanism: 'scc' }, status: 'safeguarded', reasons: ['adequacy_not_yet_in_force', 'no_adequacy', 'appropriate_safeguard'] },
    { name: 'Privacy Shield the day before Schrems II (C-311/18)', facts: privacyShield, on: '2020-07-15', input: { country: 'US', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'Privacy Shield on the day of Schrems II: annulled with immediate effect', facts: privacyShield, on: '2020-07-16', input: { country: 'US', mechanism: null }, status: 'needs_mechanism', reasons: ['adequacy_annulled', 'no_adequacy', 'no_mechanism'] },
    { name: 'after Schrems II, SCC with a TIA (Art 46(2)(c))', facts: privacyShield, on: '2021-01-01', input: { country: 'US', mechanism: 'scc' }, status: 'safeguarded', reasons: ['adequacy_annulled', 'no_adequacy', 'appropriate_safeguard'] },
    { name: 'Safe Harbour after Schrems I (C-362/14), even within its nominal validity', facts: safeHarbour, on: '2015-10-06', input: { country: 'US', mechanism: null }, status: 'needs_mechanism', reasons: ['adequacy_annulled', 'no_adequacy', 'no_mechanism'] },
    { name: 'DPF (Decision 2023/1795) before 2023-07-10: not yet in force', facts: uk, on: '2023-07-09', input: { country: 'US', mechanism: null, vendor: certified }, status: 'needs_mechanism', reasons: ['adequacy_not_yet_in_force', 'no_adequacy', 'no_mechanism'] },
    { name: 'DPF (Decision 2023/1795) from 2023-07-10, certified recipient', facts: uk, on: '2023-07-10', input: { country: 'US', mechanism: null, vendor: certified }, status: 'adequate', reasons: ['dpf_certified'] },
    { name: 'Switzerland, the day before a repeal takes effect (Art 45(5))', facts: repealed, on: '2027-02-28', input: { country: 'CH', mechanism: null }, status: 'adequate', reasons: ['adequacy_decision'] },
    { name: 'Switzerland, from the day a repeal takes effect (Art 45(5))', facts: repealed, on: '2027-03-01', input: { country: 'CH', mechanism: null }, status: 'needs_mechanism', reasons: ['adequacy_ended', 'no_adequacy', 'no_mechanism'] },
  ];

  it.each(cases)('$name ($on) → $status', ({ facts: catalogue, on, input, status, reasons }) => {
    const assessment = assessTransfer(input, transferFactsOn(catalogue, on));
    expect({ status: assessment.status, reasons: assessment.reasons.map((reason) => reason.code) }).toEqual({ status, reasons });
  });

  it('names the decision and the day it stopped applying', () => {
    expect(assessTransfer({ country: 'US', mechanism: null }, transferFactsOn(privacyShield, '2020-08-01')).reasons[0]).toEqual({
      code: 'adequacy_annulled',
      params: { country: 'US', decision: 'Implementing Decision (EU) 2016/1250 (Privacy Shield)', date: '2020-07-16' },
    });
  });

  it('checks an annulment before the validity, and reads dates from the catalogue entry', () => {
    const adequacy: AdequacyFacts = { scope: 'full', decision: 'D', since: '2020-01-01', validUntil: '2030-01-01', endedOn: null, annulledOn: '2024-05-05' };
    expect(adequacyOn(adequacy, '2024-05-04')).toEqual({ decision: adequacy, lapse: null });
    expect(adequacyOn(adequacy, '2031-01-01').lapse).toEqual({ code: 'adequacy_annulled', date: '2024-05-05' });
    expect(adequacyOn(null, '2024-05-04')).toEqual({ decision: null, lapse: null });
    const loaded = transferFactsFrom([{ code: 'XK', facts: { adequacy: { scope: 'partial', decision: 'Décision « test »', since: '2020-01-01', endedOn: '2025-01-01', annulledOn: 'soon' } } }], [], '2026-01-01');
    expect(loaded.countries.get('XK')!.adequacy).toEqual({ scope: 'partial', decision: 'Décision « test »', since: '2020-01-01', validUntil: null, endedOn: '2025-01-01', annulledOn: null });
  });

  it('moves a country out of the adequate zone when its decision ends', () => {
    expect(zoneOf('CH', transferFactsOn(repealed, '2027-02-28'))).toBe('adequate');
    expect(zoneOf('CH', transferFactsOn(repealed, '2027-03-01'))).toBe('needs_safeguards');
  });
});

describe('what a catalogue update changes in the adequacy decisions (re-assessment, DPOs told)', () => {
  const cases: { name: string; country: string; before: Partial<AdequacyFacts> | null; after: Partial<AdequacyFacts> | null; expected: string[] }[] = [
    { name: 'Schrems II (C-311/18): the Privacy Shield annulled on 16 July 2020', country: 'US', before: { decision: 'PS' }, after: { decision: 'PS', annulledOn: '2020-07-16' }, expected: ['annulled PS 2020-07-16'] },
    { name: 'Art 45(5): a decision repealed from a day', country: 'CH', before: {}, after: { endedOn: '2027-03-01' }, expected: ['ended  2027-03-01'] },
    { name: 'Art 45(3): the UK decision renewed until 27 Dec 2031', country: 'GB', before: { validUntil: '2025-12-27' }, after: { validUntil: '2031-12-27' }, expected: ['valid_until_changed  2031-12-27'] },
    { name: 'Art 45(3): a new decision adopted (Brazil, Decision 2026/179)', country: 'BR', before: null, after: { decision: 'Implementing Decision (EU) 2026/179', since: '2026-01-26' }, expected: ['adopted Implementing Decision (EU) 2026/179 2026-01-26'] },
    { name: 'Decision 2023/1795 replaces the annulled Privacy Shield', country: 'US', before: { decision: 'PS', annulledOn: '2020-07-16' }, after: { decision: 'DPF', scope: 'partial', since: '2023-07-10' }, expected: ['adopted DPF 2023-07-10'] },
    { name: 'nothing changed', country: 'CH', before: {}, after: {}, expected: [] },
  ];
  const place = (country: string, adequacy: Partial<AdequacyFacts> | null) =>
    new Map([[country, { ...facts.countries.get(country)!, adequacy: adequacy && { scope: 'full' as const, decision: '', since: null, validUntil: null, endedOn: null, annulledOn: null, ...adequacy } }]]);

  it.each(cases)('$name', ({ country, before, after, expected }) => {
    expect(adequacyChanges(place(country, before), place(country, after)).map((change) => `${change.kind} ${change.decision} ${change.effectiveOn ?? ''}`)).toEqual(expected);
  });
});

describe('which transfers a change of adequacy decision concerns (the DPO is told about these)', () => {
  const rows: { name: string; kind: Parameters<typeof concernedByAdequacyChange>[0]; mechanism: string | null; concerned: boolean }[] = [
    { name: 'Schrems II (C-311/18): a transfer with no tool relied on the annulled decision', kind: 'annulled', mechanism: null, concerned: true },
    { name: 'Art 45: a transfer naming the decision itself as its tool', kind: 'annulled', mechanism: 'adequacy', concerned: true },
    { name: 'Art 45: a US transfer relying on the Data Privacy Framework', kind: 'ended', mechanism: 'dpf', concerned: true },
    { name: 'Art 46(2)(c): standard contractual clauses do not depend on the decision', kind: 'annulled', mechanism: 'scc', concerned: false },
    { name: 'Art 49(1)(b): a derogation does not depend on the decision', kind: 'ended', mechanism: 'art49_contract', concerned: false },
    { name: 'Art 45(3): a renewed validity concerns the transfers relying on the decision', kind: 'valid_until_changed', mechanism: null, concerned: true },
    { name: 'Art 45(3): a decision adopted concerns transfers under clauses too (the tool may be replaced)', kind: 'adopted', mechanism: 'scc', concerned: true },
    { name: 'Art 45(1): a changed scope is checked again for every recipient', kind: 'scope_changed', mechanism: 'bcr', concerned: true },
  ];
  it.each(rows)('$name', ({ kind, mechanism, concerned }) => {
    expect(concernedByAdequacyChange(kind, mechanism)).toBe(concerned);
  });
});

describe('the transfer status of a vendor', () => {
  const vendor = {
    headquartersCountry: 'FR',
    parentCompany: null,
    parentCountry: null,
    dataLocations: ['FR'],
    certifications: [],
    transferMechanism: null,
    tiaDate: null,
  };

  it('flags a vendor whose parent is in the US as exposed even when its data stay in the EU, and says why', () => {
    const assessment = assessVendor({ ...vendor, parentCompany: 'CX Holdings Inc.', parentCountry: 'US', dataLocations: ['FR', 'DE'] }, facts);
    expect(assessment.locations.map((location) => location.status)).toEqual(['eea', 'eea']);
    expect(assessment).toMatchObject({ needsMechanism: false, exposed: true });
    expect(assessment.exposure).toEqual([{ code: 'parent_extraterritorial_access', params: { parentCompany: 'CX Holdings Inc.', country: 'US' } }]);
  });

  it('flags a US-headquartered vendor as exposed, and is not exposed otherwise', () => {
    expect(assessVendor({ ...vendor, headquartersCountry: 'US' }, facts).exposure.map((reason) => reason.code)).toEqual(['headquarters_extraterritorial_access']);
    expect(assessVendor(vendor, facts)).toMatchObject({ exposed: false, exposure: [], needsMechanism: false, tiaRequired: false, tiaMissing: false });
  });

  it('takes the vendor’s DPF certification from its mechanism or its certifications', () => {
    const us = { ...vendor, headquartersCountry: 'US', dataLocations: ['US', 'FR'] };
    expect(assessVendor({ ...us, transferMechanism: 'dpf' }, facts)).toMatchObject({ dpfCertified: true, needsMechanism: false });
    expect(assessVendor({ ...us, certifications: ['SOC2', 'DPF'] }, facts)).toMatchObject({ dpfCertified: true, needsMechanism: false });
    const uncertified = assessVendor(us, facts);
    expect(uncertified).toMatchObject({ dpfCertified: false, needsMechanism: true });
    expect(uncertified.locations.map((location) => `${location.country} ${location.status}`)).toEqual(['US needs_mechanism', 'FR eea']);
  });

  it('asks once per vendor whether it is in the scope of a partial decision (Art 45(1)), per country', () => {
    const canadian = { ...vendor, dataLocations: ['CA', 'JP'] };
    expect(assessVendor(canadian, facts)).toMatchObject({ needsMechanism: false, scopeToConfirm: true });
    const partly = assessVendor({ ...canadian, scopeConfirmations: [{ country: 'CA', decision: 'Decision 2002/2/EC' }] }, facts);
    expect(partly.locations.map((location) => `${location.country} ${location.status}`)).toEqual(['CA adequate', 'JP scope_to_confirm']);
    const both = assessVendor({ ...canadian, scopeConfirmations: [{ country: 'CA', decision: 'Decision 2002/2/EC' }, { country: 'JP', decision: 'Implementing Decision (EU) 2019/419' }] }, facts);
    expect(both).toMatchObject({ needsMechanism: false, scopeToConfirm: false });
  });

  it('expects a TIA for an Art 46 tool and notices when it is missing', () => {
    const scc = { ...vendor, dataLocations: ['IN'], transferMechanism: 'scc' };
    expect(assessVendor(scc, facts)).toMatchObject({ needsMechanism: false, tiaRequired: true, tiaMissing: true });
    expect(assessVendor({ ...scc, tiaDate: '2025-01-10' }, facts)).toMatchObject({ tiaRequired: true, tiaMissing: false });
  });

  it('sorts countries into EEA, adequate and needs-safeguards zones', () => {
    expect(['FR', 'GP', 'GB', 'US', 'JP', 'CN'].map((country) => zoneOf(country, facts))).toEqual(['eea', 'eea', 'adequate', 'needs_safeguards', 'needs_safeguards', 'needs_safeguards']);
  });
});
