/**
 * The one place that says whether personal data sent to a country is a transfer under GDPR Chapter V,
 * and whether it is covered: used for the transfers of an activity and for the data locations of a
 * vendor, and by every list filter and breakdown built on them. Pure: the catalogue facts come in.
 *
 * Order of the GDPR (Arts 44–49): inside the EEA (member states, and EU territories with their own ISO
 * code) there is no transfer; then an adequacy decision (Art 45; a partial one covers only some
 * recipients — in the US, those certified under the Data Privacy Framework); then an appropriate
 * safeguard (Art 46/47: SCC, BCR…, with a transfer impact assessment); then an Art 49 derogation,
 * for occasional transfers only. Anything else needs a mechanism.
 *
 * Adequacy over time: a decision applies from the day it takes effect (`since`) until the end of its
 * validity (`validUntil`), or until it is repealed (`endedOn`) or annulled by the Court of Justice
 * (`annulledOn`: Schrems I C-362/14 struck down Safe Harbour, Schrems II C-311/18 the Privacy Shield,
 * with immediate effect). The facts carry the date the assessment is made at (`on`): today for the
 * live register, the export's instant for the register as of a date.
 *
 * A partial decision (Art 45(1): "one or more specified sectors"; Canada, Japan, Korea, the US Data
 * Privacy Framework) covers only recipients in its scope: the DPO confirms once per recipient that it
 * is (Art 5(2) accountability), and until then the transfer is "to confirm", not "needs a mechanism".
 */

export interface CountryFacts {
  code: string;
  eea: boolean;
  /** EU outermost regions and Åland: EU territory of this member state. */
  eeaTerritoryOf: string | null;
  adequacy: AdequacyFacts | null;
  /** true only where a law gives the authorities access to data held by their companies anywhere. */
  extraterritorialAccessRisk: boolean;
}

/** An adequacy decision (Art 45(3)) with its dates (ISO calendar dates, null when not known). */
export interface AdequacyFacts {
  scope: 'full' | 'partial';
  decision: string;
  /** The day the decision took effect. */
  since: string | null;
  /** Last day of validity, when the decision says (e.g. the UK decision, renewed until 2031-12-27). */
  validUntil: string | null;
  /** Repealed or replaced by the Commission: no longer applies from this day. */
  endedOn: string | null;
  /** Declared invalid by the Court of Justice: no longer applies from the judgment's day. */
  annulledOn: string | null;
}

export interface MechanismFacts {
  code: string;
  article: string;
  /** Art 49: occasional, non-repetitive transfers only. */
  derogation: boolean;
  /** Art 46 tools: a transfer impact assessment is expected. */
  requiresTia: boolean;
}

export interface TransferFacts {
  countries: ReadonlyMap<string, CountryFacts>;
  mechanisms: ReadonlyMap<string, MechanismFacts>;
  /** The date the transfers are assessed at (YYYY-MM-DD): decisions apply as they stood that day. */
  on: string;
}

/** The only country whose partial adequacy is the Data Privacy Framework (Decision (EU) 2023/1795). */
export const DPF_COUNTRY = 'US';
/** Mechanisms that are adequacy decisions (Art 45) rather than tools the parties put in place. */
const ADEQUACY_MECHANISMS = new Set(['adequacy', 'dpf']);

export const TRANSFER_STATUSES = ['eea', 'adequate', 'safeguarded', 'derogation', 'scope_to_confirm', 'needs_mechanism'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export type TransferReasonCode =
  | 'eea_member'
  | 'eea_territory'
  | 'adequacy_decision'
  | 'partial_adequacy_confirmed'
  | 'partial_adequacy_unconfirmed'
  | 'partial_adequacy_decision_changed'
  | 'adequacy_not_yet_in_force'
  | 'adequacy_expired'
  | 'adequacy_ended'
  | 'adequacy_annulled'
  | 'dpf_certified'
  | 'dpf_not_certified'
  | 'no_adequacy'
  | 'appropriate_safeguard'
  | 'derogation_occasional_only'
  | 'mechanism_not_applicable'
  | 'unknown_mechanism'
  | 'unknown_country'
  | 'no_mechanism';

/** Why: a stable code (the client translates it) and what the sentence names. */
export interface TransferReason {
  code: TransferReasonCode;
  params: Record<string, string>;
}

export interface TransferAssessment {
  country: string;
  mechanism: string | null;
  status: TransferStatus;
  /** Outside the EEA, not covered by adequacy, and no valid transfer tool. */
  needsMechanism: boolean;
  /** An Art 46 tool is relied on: a transfer impact assessment is expected. */
  tiaRequired: boolean;
  /** An Art 49 derogation: occasional, non-repetitive transfers only. */
  occasionalOnly: boolean;
  /** A partial adequacy decision may cover the recipient: the DPO is to confirm it once. */
  scopeToConfirm: boolean;
  reasons: TransferReason[];
}

export interface TransferInput {
  country: string;
  mechanism: string | null;
  /** The recipient, when it is a known vendor: its DPF certification decides US transfers. */
  vendor?: { dpfCertified: boolean } | null;
  /** The DPO's confirmation that this recipient is in the scope of the partial decision named. */
  scopeConfirmation?: { decision: string } | null;
}

export type AdequacyLapse = 'adequacy_not_yet_in_force' | 'adequacy_expired' | 'adequacy_ended' | 'adequacy_annulled';

/**
 * The country's adequacy decision as it applies on `on`, or why it does not (yet, or any more).
 * Ends are checked first: an annulled decision stays annulled whatever its validity said.
 */
export function adequacyOn(adequacy: AdequacyFacts | null, on: string): { decision: AdequacyFacts | null; lapse: { code: AdequacyLapse; date: string } | null } {
  if (!adequacy) return { decision: null, lapse: null };
  if (adequacy.annulledOn !== null && on >= adequacy.annulledOn) return { decision: null, lapse: { code: 'adequacy_annulled', date: adequacy.annulledOn } };
  if (adequacy.endedOn !== null && on >= adequacy.endedOn) return { decision: null, lapse: { code: 'adequacy_ended', date: adequacy.endedOn } };
  if (adequacy.validUntil !== null && on > adequacy.validUntil) return { decision: null, lapse: { code: 'adequacy_expired', date: adequacy.validUntil } };
  if (adequacy.since !== null && on < adequacy.since) return { decision: null, lapse: { code: 'adequacy_not_yet_in_force', date: adequacy.since } };
  return { decision: adequacy, lapse: null };
}

function result(input: TransferInput, status: TransferStatus, reasons: TransferReason[], extra: { tiaRequired?: boolean; occasionalOnly?: boolean } = {}): TransferAssessment {
  return {
    country: input.country,
    mechanism: input.mechanism,
    status,
    needsMechanism: status === 'needs_mechanism',
    tiaRequired: extra.tiaRequired ?? false,
    occasionalOnly: extra.occasionalOnly ?? false,
    scopeToConfirm: status === 'scope_to_confirm',
    reasons,
  };
}

export function assessTransfer(input: TransferInput, facts: TransferFacts): TransferAssessment {
  const { country } = input;
  const place = facts.countries.get(country);
  if (!place) return result(input, 'needs_mechanism', [{ code: 'unknown_country', params: { country } }]);
  if (place.eea) return result(input, 'eea', [{ code: 'eea_member', params: { country } }]);
  if (place.eeaTerritoryOf) return result(input, 'eea', [{ code: 'eea_territory', params: { country, memberState: place.eeaTerritoryOf } }]);

  const reasons: TransferReason[] = [];
  let mechanism: MechanismFacts | null = null;
  if (input.mechanism !== null) {
    mechanism = facts.mechanisms.get(input.mechanism) ?? null;
    if (!mechanism) reasons.push({ code: 'unknown_mechanism', params: { mechanism: input.mechanism } });
  }
  const claimsAdequacy = mechanism !== null && ADEQUACY_MECHANISMS.has(mechanism.code);

  const { decision: adequacy, lapse } = adequacyOn(place.adequacy, facts.on);
  if (lapse) reasons.push({ code: lapse.code, params: { country, decision: place.adequacy!.decision, date: lapse.date } });
  if (adequacy?.scope === 'full') return result(input, 'adequate', [{ code: 'adequacy_decision', params: { country, decision: adequacy.decision } }]);

  let adequacyClaimAnswered = false;
  /** Partial decision, recipient not known to be out of its scope, nothing else relied on: ask the DPO. */
  let askScope = false;
  if (adequacy?.scope === 'partial') {
    const decision = adequacy.decision;
    const confirmed = input.scopeConfirmation?.decision === decision;
    if (confirmed) return result(input, 'adequate', [{ code: 'partial_adequacy_confirmed', params: { country, decision } }]);
    // A confirmation given under an earlier decision does not carry over: the scope may differ.
    if (input.scopeConfirmation) reasons.push({ code: 'partial_adequacy_decision_changed', params: { country, decision, confirmed: input.scopeConfirmation.decision } });
    if (country === DPF_COUNTRY) {
      // Covered only for a DPF-certified recipient: the vendor's own record decides when it is known;
      // otherwise the documented "dpf" (or "adequacy") mechanism is the DPO's statement that it is.
      const certified = input.vendor ? input.vendor.dpfCertified : claimsAdequacy;
      if (certified) return result(input, 'adequate', [{ code: 'dpf_certified', params: { country, decision } }]);
      if (input.vendor) reasons.push({ code: 'dpf_not_certified', params: { country } });
      else {
        reasons.push({ code: 'partial_adequacy_unconfirmed', params: { country, decision } });
        askScope = true;
      }
    } else {
      // Canada, Japan, Korea…: the documented "adequacy" mechanism is the DPO's statement (kept as it
      // was recorded before confirmations existed).
      if (claimsAdequacy && mechanism?.code === 'adequacy') return result(input, 'adequate', [{ code: 'partial_adequacy_confirmed', params: { country, decision } }]);
      reasons.push({ code: 'partial_adequacy_unconfirmed', params: { country, decision } });
      askScope = true;
    }
    adequacyClaimAnswered = true;
  } else {
    reasons.push({ code: 'no_adequacy', params: { country } });
  }

  if (mechanism && claimsAdequacy) {
    if (!adequacyClaimAnswered || country !== DPF_COUNTRY) reasons.push({ code: 'mechanism_not_applicable', params: { mechanism: mechanism.code, country } });
    return result(input, 'needs_mechanism', reasons);
  }
  if (mechanism?.derogation) {
    return result(input, 'derogation', [...reasons, { code: 'derogation_occasional_only', params: { mechanism: mechanism.code, article: mechanism.article } }], { occasionalOnly: true });
  }
  if (mechanism) {
    return result(input, 'safeguarded', [...reasons, { code: 'appropriate_safeguard', params: { mechanism: mechanism.code, article: mechanism.article } }], {
      tiaRequired: mechanism.requiresTia,
    });
  }
  if (askScope && input.mechanism === null) return result(input, 'scope_to_confirm', reasons);
  if (input.mechanism === null) reasons.push({ code: 'no_mechanism', params: { country } });
  return result(input, 'needs_mechanism', reasons);
}

export type ExposureReasonCode = 'parent_extraterritorial_access' | 'headquarters_extraterritorial_access';

export interface ExposureReason {
  code: ExposureReasonCode;
  params: Record<string, string>;
}

/** What the vendor assessment reads from a vendor record. */
export interface VendorTransferInput {
  headquartersCountry: string | null;
  parentCompany: string | null;
  parentCountry: string | null;
  dataLocations: readonly string[];
  certifications: readonly string[];
  transferMechanism: string | null;
  tiaDate: string | null;
  /** The DPO's confirmations that this vendor is in the scope of a partial decision, by country. */
  scopeConfirmations?: readonly ScopeConfirmation[];
}

export interface ScopeConfirmation {
  country: string;
  decision: string;
}

export interface VendorAssessment {
  dpfCertified: boolean;
  /** Each data location, assessed with the vendor's transfer mechanism. */
  locations: TransferAssessment[];
  needsMechanism: boolean;
  tiaRequired: boolean;
  tiaMissing: boolean;
  occasionalOnly: boolean;
  /** A data location under a partial decision whose scope the DPO has not confirmed for this vendor. */
  scopeToConfirm: boolean;
  /** Reachable by a third country's extraterritorial access laws, wherever its data are. */
  exposed: boolean;
  exposure: ExposureReason[];
}

const DPF_CERTIFICATION = /^(dpf|eu-us dpf|data privacy framework|eu-us data privacy framework)$/i;

/** DPF-certified: the vendor's mechanism is the DPF, or its certifications name it. */
export function isDpfCertified(vendor: Pick<VendorTransferInput, 'transferMechanism' | 'certifications'>): boolean {
  return vendor.transferMechanism === 'dpf' || vendor.certifications.some((certification) => DPF_CERTIFICATION.test(certification.trim()));
}

/**
 * A vendor is exposed when its parent company or its headquarters is in a country whose laws reach
 * data held by their companies wherever stored (US CLOUD Act, FISA 702) — even with data in the EU.
 */
export function assessExposure(vendor: Pick<VendorTransferInput, 'headquartersCountry' | 'parentCompany' | 'parentCountry'>, facts: TransferFacts): ExposureReason[] {
  const reasons: ExposureReason[] = [];
  const risky = (country: string | null) => country !== null && facts.countries.get(country)?.extraterritorialAccessRisk === true;
  if (risky(vendor.parentCountry)) {
    reasons.push({ code: 'parent_extraterritorial_access', params: { parentCompany: vendor.parentCompany ?? '', country: vendor.parentCountry! } });
  }
  if (risky(vendor.headquartersCountry)) reasons.push({ code: 'headquarters_extraterritorial_access', params: { country: vendor.headquartersCountry! } });
  return reasons;
}

export function assessVendor(vendor: VendorTransferInput, facts: TransferFacts): VendorAssessment {
  const dpfCertified = isDpfCertified(vendor);
  const confirmationIn = (country: string) => vendor.scopeConfirmations?.find((confirmation) => confirmation.country === country) ?? null;
  const locations = [...new Set(vendor.dataLocations)].map((country) =>
    assessTransfer({ country, mechanism: vendor.transferMechanism, vendor: { dpfCertified }, scopeConfirmation: confirmationIn(country) }, facts),
  );
  const tiaRequired = locations.some((location) => location.tiaRequired);
  const exposure = assessExposure(vendor, facts);
  return {
    dpfCertified,
    locations,
    needsMechanism: locations.some((location) => location.needsMechanism),
    tiaRequired,
    tiaMissing: tiaRequired && vendor.tiaDate === null,
    occasionalOnly: locations.some((location) => location.occasionalOnly),
    scopeToConfirm: locations.some((location) => location.scopeToConfirm),
    exposed: exposure.length > 0,
    exposure,
  };
}

/** Where data go, by country: the zone the country itself is in. */
export type CountryZone = 'eea' | 'adequate' | 'needs_safeguards';

export function zoneOf(country: string, facts: TransferFacts): CountryZone {
  const place = facts.countries.get(country);
  if (place && (place.eea || place.eeaTerritoryOf)) return 'eea';
  if (place && adequacyOn(place.adequacy, facts.on).decision?.scope === 'full') return 'adequate';
  return 'needs_safeguards';
}

interface CatalogueRow {
  code: string;
  facts: Record<string, unknown>;
}

const isoDate = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

function adequacyFrom(value: unknown): AdequacyFacts | null {
  const adequacy = value as Record<string, unknown> | null | undefined;
  if (!adequacy || (adequacy.scope !== 'full' && adequacy.scope !== 'partial')) return null;
  return {
    scope: adequacy.scope,
    decision: typeof adequacy.decision === 'string' ? adequacy.decision : '',
    since: isoDate(adequacy.since),
    validUntil: isoDate(adequacy.validUntil),
    endedOn: isoDate(adequacy.endedOn),
    annulledOn: isoDate(adequacy.annulledOn),
  };
}

/** The facts from catalogue entries (rows of catalogue_entries, or the shipped JSON items), as they apply on `on` (YYYY-MM-DD). */
export function transferFactsFrom(countries: CatalogueRow[], mechanisms: CatalogueRow[], on: string): TransferFacts {
  return {
    on,
    countries: new Map(
      countries.map(({ code, facts }) => {
        return [
          code,
          {
            code,
            eea: facts.eea === true,
            eeaTerritoryOf: typeof facts.eeaTerritoryOf === 'string' ? facts.eeaTerritoryOf : null,
            adequacy: adequacyFrom(facts.adequacy),
            extraterritorialAccessRisk: facts.extraterritorialAccessRisk === true,
          },
        ];
      }),
    ),
    mechanisms: new Map(
      mechanisms.map(({ code, facts }) => [
        code,
        { code, article: typeof facts.article === 'string' ? facts.article : '', derogation: facts.derogation === true, requiresTia: facts.requiresTia === true },
      ]),
    ),
  };
}

/** The same facts, assessed at another date (the register as of a past instant). */
export function transferFactsOn(facts: TransferFacts, on: string): TransferFacts {
  return on === facts.on ? facts : { ...facts, on };
}

export type AdequacyChangeKind = 'adopted' | 'withdrawn' | 'ended' | 'annulled' | 'valid_until_changed' | 'scope_changed';

/** One change of a country's adequacy between two catalogue versions, with the day it takes effect. */
export interface AdequacyChange {
  country: string;
  kind: AdequacyChangeKind;
  decision: string;
  /** The day the change applies (the decision's since, end, annulment or new validity); null if unknown. */
  effectiveOn: string | null;
}

/**
 * What a catalogue update changes in the adequacy decisions (Art 45(3), 45(5); an annulment by the
 * Court): the transfers and vendors of these countries are to be re-assessed and the DPOs told.
 * Pure: the two versions' facts come in. A renewal that only moves `validUntil` is a change too.
 */
export function adequacyChanges(before: TransferFacts['countries'], after: TransferFacts['countries']): AdequacyChange[] {
  const changes: AdequacyChange[] = [];
  for (const [country, place] of after) {
    const old = before.get(country)?.adequacy ?? null;
    const next = place.adequacy;
    if (!old && !next) continue;
    if (!old && next) {
      changes.push({ country, kind: 'adopted', decision: next.decision, effectiveOn: next.since });
      continue;
    }
    if (old && !next) {
      changes.push({ country, kind: 'withdrawn', decision: old.decision, effectiveOn: null });
      continue;
    }
    if (!old || !next) continue;
    if (next.decision !== old.decision) {
      changes.push({ country, kind: 'adopted', decision: next.decision, effectiveOn: next.since });
      continue;
    }
    if (next.annulledOn !== old.annulledOn && next.annulledOn !== null) changes.push({ country, kind: 'annulled', decision: next.decision, effectiveOn: next.annulledOn });
    else if (next.endedOn !== old.endedOn && next.endedOn !== null) changes.push({ country, kind: 'ended', decision: next.decision, effectiveOn: next.endedOn });
    else if (next.validUntil !== old.validUntil) changes.push({ country, kind: 'valid_until_changed', decision: next.decision, effectiveOn: next.validUntil });
    if (next.scope !== old.scope) changes.push({ country, kind: 'scope_changed', decision: next.decision, effectiveOn: next.since });
  }
  return changes;
}

/**
 * Whether a transfer (or a vendor's data location, with the vendor's mechanism) relies on the country's
 * adequacy decision: no transfer tool documented, or the decision itself named as the tool (Art 45). One
 * with an Art 46/47 safeguard or an Art 49 derogation does not.
 */
export function reliesOnAdequacy(mechanism: string | null): boolean {
  return mechanism === null || ADEQUACY_MECHANISMS.has(mechanism);
}

/**
 * Whether a change of a country's adequacy decision concerns a transfer to that country, for telling the
 * DPO: a decision that stops applying (annulled by the Court, repealed, withdrawn — Art 45(5)) or whose
 * validity moves (Art 45(3)) concerns the transfers relying on it, which need another transfer tool from
 * that day; a decision adopted, or whose scope changes (Art 45(1)), concerns every transfer to the
 * country: its tool may be replaced by the decision, or the recipient's scope is to be checked again.
 */
export function concernedByAdequacyChange(kind: AdequacyChangeKind, mechanism: string | null): boolean {
  if (kind === 'adopted' || kind === 'scope_changed') return true;
  return reliesOnAdequacy(mechanism);
}
