import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFacts, transferFactsFrom } from '../domain/transfers/transfer-status';

/** The countries and transfer-mechanisms catalogues as the transfer-status function reads them. */
@Injectable()
export class TransferFactsService {
  private cached?: Promise<TransferFacts>;

  constructor(private readonly connection: TransactionalConnection) {}

  /** Shipped catalogues only change at start-up (catalogue sync), so the facts are read once. */
  facts(): Promise<TransferFacts> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<TransferFacts> {
    const rows = await this.connection.manager.query<{ catalogue: string; code: string; facts: Record<string, unknown> }[]>(
      "SELECT catalogue, code, facts FROM catalogue_entries WHERE catalogue IN ('countries', 'transfer-mechanisms')",
    );
    return transferFactsFrom(
      rows.filter((row) => row.catalogue === 'countries'),
      rows.filter((row) => row.catalogue === 'transfer-mechanisms'),
    );
  }
}
