/**
 * The live status of the transfers being edited: the server's own pure rule
 * (backend/src/domain/transfers/transfer-status.ts) run on the form's rows, so the editor says what the
 * server will say once saved. Pure: the catalogues and the known vendors come in.
 */
import {
  assessTransfer,
  isDpfCertified,
  transferFactsFrom,
  type TransferAssessment,
  type TransferFacts,
} from '@domain/transfers/transfer-status';

import type { TransferForm } from './schemas';
import type { ActivityCatalogues, CatalogueItem, RecipientScopeConfirmation } from './types';

/** A vendor of the organisation: its DPF certification decides a US transfer to it. */
export interface KnownVendor {
  id: string;
  name: string;
  status: string;
  dpfCertified: boolean;
}

/** A vendor of the vendors list, as the editor knows it (certified as the server says: same rule). */
export function knownVendorOf(item: { id: string; name: string; status: string; transferMechanism: string | null; certifications: readonly string[] }): KnownVendor {
  return { id: item.id, name: item.name, status: item.status, dpfCertified: isDpfCertified(item) };
}

// The API spreads a catalogue entry's facts beside its labels (as the catalogue sync stored them).
const asRows = (items: readonly CatalogueItem[]) => items.map((item) => ({ code: item.code, facts: item }));

/** The facts the rule reads, from the countries and transfer-mechanisms catalogues, as decisions apply on `on` (today by default, as the server's). */
export function transferFactsOf(catalogues: Pick<ActivityCatalogues, 'countries' | 'transfer-mechanisms'>, on: string = new Date().toISOString().slice(0, 10)): TransferFacts {
  return transferFactsFrom(asRows(catalogues.countries), asRows(catalogues['transfer-mechanisms']), on);
}

/** The vendor a name designates, compared as the API does (trimmed, case-insensitive). */
export function vendorNamed<T extends { name: string }>(vendors: readonly T[], name: string): T | null {
  const key = name.trim().toLowerCase();
  if (key === '') return null;
  return vendors.find((vendor) => vendor.name.toLowerCase() === key) ?? null;
}

/**
 * Each row's status, as the server computes it for a saved activity: the recipient, when it names a
 * known vendor, brings its DPF certification, and the DPO's scope confirmation for that recipient and
 * country counts (names compared as the server does). A row without a country yet has no status (null).
 */
export function liveTransferStatuses(
  transfers: readonly TransferForm[],
  facts: TransferFacts,
  vendors: readonly KnownVendor[],
  confirmations: readonly RecipientScopeConfirmation[] = [],
): (TransferAssessment | null)[] {
  return transfers.map((transfer) => {
    const country = transfer.country.trim();
    if (country === '') return null;
    const vendor = vendorNamed(vendors, transfer.recipient);
    const confirmation = vendorNamed(
      confirmations.filter((item) => item.country === country).map((item) => ({ ...item, name: item.recipient })),
      transfer.recipient,
    );
    return assessTransfer(
      {
        country,
        mechanism: transfer.mechanism.trim() || null,
        vendor: vendor ? { dpfCertified: vendor.dpfCertified } : null,
        scopeConfirmation: confirmation ? { decision: confirmation.decision } : null,
      },
      facts,
    );
  });
}

/** `name` added to the processors unless already there (case-insensitively). */
export function withProcessor(processors: readonly string[], name: string): string[] {
  const trimmed = name.trim();
  if (trimmed === '' || vendorNamed(processors.map((processor) => ({ name: processor })), trimmed)) return [...processors];
  return [...processors, trimmed];
}
