/**
 * The organisation's profile, read by the rules: whether it is a public authority or body, and its
 * sector. Pure, shared with the web app.
 */

/** Sectors, broad enough for a DPO to place the organisation. */
export const ORGANIZATION_SECTORS = [
  'public_administration',
  'local_authority',
  'health_social',
  'education_research',
  'banking_insurance',
  'retail_ecommerce',
  'industry',
  'digital_telecoms',
  'transport_energy',
  'services',
  'non_profit',
  'other',
] as const;
export type OrganizationSector = (typeof ORGANIZATION_SECTORS)[number];

export interface OrganizationProfile {
  publicBody: boolean;
  dpoName: string | null;
  dpoEmail: string | null;
}

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** Art 37(1)(a): a public authority or body must designate a DPO (whatever its size). */
export function dpoDesignationMissing(profile: OrganizationProfile): boolean {
  return profile.publicBody && blank(profile.dpoName) && blank(profile.dpoEmail);
}
