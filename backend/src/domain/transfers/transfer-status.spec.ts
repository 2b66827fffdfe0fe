import countries from '../catalogues/data/countries.json';
import transferMechanisms from '../catalogues/data/transfer-mechanisms.json';
import { assessTransfer, assessVendor, TransferInput, transferFactsFrom, zoneOf } from './transfer-status';

/** The shipped catalogues, as the catalogue sync loads them (code, labels and help apart, the rest are facts). */
const asRows = (items: { code: string; fr: string; en: string; help?: unknown }[]) =>
  items.map((item) => {
    const { code, fr: _fr, en: _en, help: _help, ...facts } = item;
    return { code, facts };
  });
const facts = transferFactsFrom(asRows(countries.items), asRows(transferMechanisms.items));

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
    { name: 'US, unknown recipient, nothing documented', input: { country: 'US', mechanism: null }, status: 'needs_mechanism', reasons: ['dpf_not_certified', 'no_mechanism'] },
    { name: 'partial adequacy (Japan) confirmed', input: { country: 'JP', mechanism: 'adequacy' }, status: 'adequate', reasons: ['partial_adequacy_confirmed'] },
    { name: 'partial adequacy (Canada) not confirmed', input: { country: 'CA', mechanism: null }, status: 'needs_mechanism', reasons: ['partial_adequacy_unconfirmed', 'no_mechanism'] },
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
    }).toEqual({ status, reasons, needsMechanism: status === 'needs_mechanism', tiaRequired, occasionalOnly });
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

  it('expects a TIA for an Art 46 tool and notices when it is missing', () => {
    const scc = { ...vendor, dataLocations: ['IN'], transferMechanism: 'scc' };
    expect(assessVendor(scc, facts)).toMatchObject({ needsMechanism: false, tiaRequired: true, tiaMissing: true });
    expect(assessVendor({ ...scc, tiaDate: '2025-01-10' }, facts)).toMatchObject({ tiaRequired: true, tiaMissing: false });
  });

  it('sorts countries into EEA, adequate and needs-safeguards zones', () => {
    expect(['FR', 'GP', 'GB', 'US', 'JP', 'CN'].map((country) => zoneOf(country, facts))).toEqual(['eea', 'eea', 'adequate', 'needs_safeguards', 'needs_safeguards', 'needs_safeguards']);
  });
});
