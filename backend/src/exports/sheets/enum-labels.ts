import { translate } from '../../common/i18n/i18n';
import type { ExportContext } from '../sheet-writer';

/** Labels already looked up, by locale and key: a large export asks for the same few thousands of times. */
const known = new Map<string, string>();

/** Labels of the register's own enumerations (status, role, source…), from `exports.<kind>_<code>`. */
export function enumLabel(ctx: Pick<ExportContext, 'locale'>, kind: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined || code === '') return null;
  const cacheKey = `${ctx.locale}:${kind}:${code}`;
  const cached = known.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = `exports.${kind}_${code}`;
  const text = translate(ctx.locale, key);
  const label = text === key ? code : text;
  // Codes come from stored documents: only the enumerations' own are kept (the map stays small).
  if (text !== key) known.set(cacheKey, label);
  return label;
}

/** The enumerations, by kind, for template drop-downs and for reading labels back. */
export const ENUMS: Record<string, readonly string[]> = {
  status: ['draft', 'in_review', 'validated', 'archived'],
  role: ['controller', 'joint_controller', 'processor'],
  source: ['direct', 'indirect', 'internal'],
  end_action: ['delete', 'anonymise'],
  dpia_decision: ['required', 'not_required', 'to_assess'],
  party_kind: ['joint', 'client'],
  vendor_role: ['processor', 'sub_processor', 'recipient'],
  vendor_status: ['under_review', 'approved', 'restricted', 'terminated'],
  transfer_status: ['eea', 'adequate', 'safeguarded', 'derogation', 'scope_to_confirm', 'needs_mechanism'],
  yes_no: ['yes', 'no'],
};
