import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFacts, transferFactsFrom, transferFactsOn } from '../domain/transfers/transfer-status';

type Rows = { catalogue: string; code: string; facts: Record<string, unknown> }[];

/** The countries and transfer-mechanisms catalogues as the transfer-status function reads them. */
@Injectable()
export class TransferFactsService {
  private cached?: Promise<Rows>;
  /** The facts of the current day, one object a day: the findings cache compares them by identity. */
  private current?: TransferFacts;

  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * The facts as they apply today (UTC date), or on `on` (YYYY-MM-DD: the register as of a date).
   * Adequacy decisions start, end and are annulled on dates, so the same catalogue gives another
   * answer on another day. Shipped catalogues only change at start-up (catalogue sync): read once.
   */
  async facts(on: string = new Date().toISOString().slice(0, 10)): Promise<TransferFacts> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    const rows = await this.cached;
    const today = new Date().toISOString().slice(0, 10);
    if (this.current?.on !== today) {
      this.current = transferFactsFrom(
        rows.filter((row) => row.catalogue === 'countries'),
        rows.filter((row) => row.catalogue === 'transfer-mechanisms'),
        today,
      );
    }
    return transferFactsOn(this.current, on);
  }

  private load(): Promise<Rows> {
    return this.connection.manager.query<Rows>("SELECT catalogue, code, facts FROM catalogue_entries WHERE catalogue IN ('countries', 'transfer-mechanisms')");
  }
}
