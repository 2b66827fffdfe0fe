import { randomUUID } from 'node:crypto';
import { FieldError } from '../common/http/validation';
import { assessVendor, TransferFacts } from '../domain/transfers/transfer-status';
import { CreateVendorDto } from './dto/vendor.dto';
import { Vendor } from './vendor.entity';
import { VendorCannotApproveException } from './vendor-errors';
import { transferInputOf } from './vendor-record';
import { blockingConcerns } from './vendor-review';


/** The record after applying `input` to `base` (or to the defaults when creating). */
export function buildVendor(organizationId: string, input: Partial<CreateVendorDto>, base: Vendor | null, now: Date): Vendor {
  const keep = <K extends keyof Vendor>(key: K, given: Vendor[K] | undefined, fallback: Vendor[K]): Vendor[K] => (given !== undefined ? given : base ? base[key] : fallback);
  const dpa = input.dpa;
  const tia = input.tia;
  return {
    organizationId,
    id: base?.id ?? randomUUID(),
    name: input.name ?? base?.name ?? '',
    legalEntity: keep('legalEntity', input.legalEntity, null),
    service: keep('service', input.service, null),
    role: keep('role', input.role, 'processor'),
    headquartersCountry: keep('headquartersCountry', input.headquartersCountry, null),
    parentCompany: keep('parentCompany', input.parentCompany, null),
    parentCountry: keep('parentCountry', input.parentCountry, null),
    dataLocations: keep('dataLocations', input.dataLocations ? [...new Set(input.dataLocations)] : undefined, []),
    certifications: keep('certifications', input.certifications ? [...new Set(input.certifications)] : undefined, []),
    dpaSigned: dpa ? dpa.signed : (base?.dpaSigned ?? false),
    dpaSignedOn: dpa ? (dpa.signedOn ?? null) : (base?.dpaSignedOn ?? null),
    dpaDocumentId: dpa ? (dpa.documentId ?? null) : (base?.dpaDocumentId ?? null),
    transferMechanism: keep('transferMechanism', input.transferMechanism, null),
    tiaDate: tia ? (tia.date ?? null) : (base?.tiaDate ?? null),
    tiaConclusion: tia ? (tia.conclusion ?? null) : (base?.tiaConclusion ?? null),
    tiaDocumentId: tia ? (tia.documentId ?? null) : (base?.tiaDocumentId ?? null),
    status: base ? base.status : (input.status ?? 'under_review'),
    nextReviewDate: keep('nextReviewDate', input.nextReviewDate, null),
    notes: keep('notes', input.notes, null),
    contacts: keep('contacts', input.contacts?.map((contact) => ({ role: contact.role, name: contact.name, email: contact.email ?? null, phone: contact.phone ?? null })), []),
    version: base?.version ?? 1,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

/** A vendor proposed by another part of Registre, with what its team said of it (a design grid). */
export interface VendorProposal {
  name: string;
  /** Where it is and processes the data (the grid asks one country). */
  country: string | null;
  mechanism: string | null;
}

/**
 * The team's country becomes the headquarters and the data location, its mechanism the vendor's:
 * the DPO reviews a vendor that already says what the activity's transfer says. Codes the catalogues
 * do not know are left out rather than refusing the proposal.
 */
export function proposalInput(proposal: VendorProposal, facts: TransferFacts): Partial<CreateVendorDto> {
  const country = proposal.country && facts.countries.has(proposal.country) ? proposal.country : null;
  const mechanism = proposal.mechanism && facts.mechanisms.has(proposal.mechanism) ? proposal.mechanism : null;
  return { name: proposal.name, headquartersCountry: country, dataLocations: country ? [country] : [], transferMechanism: mechanism };
}

/** Country and mechanism codes must exist in the shipped catalogues (both are closed). */
export function checkCodes(input: Partial<CreateVendorDto>, facts: TransferFacts): FieldError[] {
  const errors: FieldError[] = [];
  const country = (path: string, code: string | null | undefined) => {
    if (code && !facts.countries.has(code)) errors.push({ path, code: 'catalogueCode', args: [code, 'countries'] });
  };
  country('headquartersCountry', input.headquartersCountry);
  country('parentCountry', input.parentCountry);
  input.dataLocations?.forEach((code, i) => country(`dataLocations[${i}]`, code));
  if (input.transferMechanism && !facts.mechanisms.has(input.transferMechanism)) {
    errors.push({ path: 'transferMechanism', code: 'catalogueCode', args: [input.transferMechanism, 'transfer-mechanisms'] });
  }
  return errors;
}

/** A vendor being created has no documents yet: a DPA or TIA document is attached afterwards. */
export function documentsNotAttached(input: Pick<CreateVendorDto, 'dpa' | 'tia'>): FieldError[] {
  return [
    { path: 'dpa.documentId', id: input.dpa?.documentId },
    { path: 'tia.documentId', id: input.tia?.documentId },
  ]
    .filter((entry): entry is { path: string; id: string } => typeof entry.id === 'string')
    .map((entry) => ({ path: entry.path, code: 'unknownDocument', args: [entry.id] }));
}

export function assertApprovable(row: Vendor, facts: TransferFacts): void {
  const concerns = blockingConcerns(row, assessVendor(transferInputOf(row), facts));
  if (concerns.length) throw new VendorCannotApproveException(concerns);
}

/** The blocking concerns of an imported approved vendor, as field errors of its item. */
export function approvalFieldErrors(row: Vendor, facts: TransferFacts): FieldError[] {
  return blockingConcerns(row, assessVendor(transferInputOf(row), facts)).map((concern) =>
    concern.code === 'dpa_missing'
      ? { path: 'dpa.signed', code: 'dpaRequiredToApprove', args: [] }
      : { path: 'transferMechanism', code: 'mechanismRequiredToApprove', args: [concern.params.countries ?? ''] },
  );
}