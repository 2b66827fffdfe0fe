import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';

export const REFERENCE_PATTERN = /^T-(\d{1,9})$/;
const formatReference = (number: number) => `T-${String(number).padStart(4, '0')}`;

/** The numbering of activities (T-nnnn): one counter per organisation, raised past references typed by hand. */
@Injectable()
export class ActivityReferences {
  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * The next free T-nnnn of the organisation. The counter row stays locked by this transaction until
   * it ends, so concurrent creations queue on it and never draw the same number.
   */
  async next(organizationId: string): Promise<string> {
    for (;;) {
      const [{ last_number }] = await this.connection.manager.query<{ last_number: number }[]>(
        `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, 1)
         ON CONFLICT (organization_id) DO UPDATE SET last_number = activity_reference_counters.last_number + 1
         RETURNING last_number`,
        [organizationId],
      );
      const reference = formatReference(last_number);
      // A reference typed by hand (or imported) may already hold this number.
      const taken = await this.connection.manager.query<unknown[]>('SELECT 1 FROM processing_activities WHERE organization_id = $1 AND reference = $2', [
        organizationId,
        reference,
      ]);
      if (taken.length === 0) return reference;
    }
  }

  /**
   * `count` free references at once (an import): the counter is raised by the number still needed,
   * and numbers some reference typed by hand already holds are skipped, as `next` does one by one.
   */
  async nextMany(organizationId: string, count: number): Promise<string[]> {
    const references: string[] = [];
    while (references.length < count) {
      const needed = count - references.length;
      const [{ last_number }] = await this.connection.manager.query<{ last_number: number }[]>(
        `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, $2)
         ON CONFLICT (organization_id) DO UPDATE SET last_number = activity_reference_counters.last_number + EXCLUDED.last_number
         RETURNING last_number`,
        [organizationId, needed],
      );
      const drawn = Array.from({ length: needed }, (_, i) => formatReference(last_number - needed + 1 + i));
      const taken = await this.connection.manager.query<{ reference: string }[]>(
        'SELECT reference FROM processing_activities WHERE organization_id = $1 AND reference = ANY($2::text[])',
        [organizationId, drawn],
      );
      const takenSet = new Set(taken.map(({ reference }) => reference));
      references.push(...drawn.filter((reference) => !takenSet.has(reference)));
    }
    return references;
  }

  /** A reference chosen by hand: generated numbers continue after it when it has the T-nnnn form. */
  async reserve(organizationId: string, reference: string): Promise<string> {
    const number = REFERENCE_PATTERN.exec(reference)?.[1];
    if (number) await this.raiseCounter(organizationId, Number(number));
    return reference;
  }

  async raiseCounter(organizationId: string, number: number): Promise<void> {
    await this.connection.manager.query(
      `INSERT INTO activity_reference_counters (organization_id, last_number) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_number = GREATEST(activity_reference_counters.last_number, EXCLUDED.last_number)`,
      [organizationId, number],
    );
  }
}
