import { isDpfCertified } from '../../domain/transfers/transfer-status';
import type { ExportContext } from '../sheet-writer';

export interface VendorFacts {
  name: string;
  status: string;
  dpaSigned: boolean;
  dpfCertified: boolean;
}

/** The organisation's vendors by lower-case name, read once per export (names link activities to them). */
export async function vendorsByName(ctx: ExportContext): Promise<Map<string, VendorFacts>> {
  const cached = ctx.shared.get('vendorsByName') as Map<string, VendorFacts> | undefined;
  if (cached) return cached;
  const rows = await ctx.query<{ name: string; status: string; dpa_signed: boolean; transfer_mechanism: string | null; certifications: string[] }>(
    'SELECT name, status, dpa_signed, transfer_mechanism, certifications FROM vendors WHERE organization_id = $1',
    [ctx.organizationId],
  );
  const map = new Map(
    rows.map((row) => [
      row.name.toLowerCase(),
      { name: row.name, status: row.status, dpaSigned: row.dpa_signed, dpfCertified: isDpfCertified({ transferMechanism: row.transfer_mechanism, certifications: row.certifications }) },
    ]),
  );
  ctx.shared.set('vendorsByName', map);
  return map;
}

export const vendorOf = (ctx: ExportContext, name: string | null): VendorFacts | null =>
  name ? ((ctx.shared.get('vendorsByName') as Map<string, VendorFacts> | undefined)?.get(name.toLowerCase()) ?? null) : null;
