/** Server-side: the labels of records a request or a breach links to (never an id on the page). */
import { isApiError } from '@/lib/api-error';

export interface LinkedRecord {
  id: string;
  label: string;
}

/**
 * Each record read with the caller's rights and named as people know it (`T-0004 Paie`, a vendor's
 * name); one they may not read (or gone since) is left out.
 */
export async function linkedRecords(ids: readonly string[], load: (id: string) => Promise<{ reference?: string | null; name: string }>): Promise<LinkedRecord[]> {
  const records = await Promise.all(
    ids.map(async (id) => {
      try {
        const record = await load(id);
        return { id, label: record.reference ? `${record.reference} ${record.name}` : record.name };
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    }),
  );
  return records.filter((record): record is LinkedRecord => record !== null);
}
