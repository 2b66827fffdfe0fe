import type { DataSource } from 'typeorm';

/** The role the account code runs as (see the account-privilege migration). */
export const ACCOUNT_ROLE = 'registre_auth';

/**
 * The connection of the account role (`registre_auth`): the only one that reads password hashes,
 * sessions, sign-in links, failed sign-ins, TOTP secrets and recovery codes. Used by the account
 * code alone (auth/), with fixed statements and explicit column lists; everything else runs as the
 * application role, which cannot switch to it. A class, so Nest injects it by type.
 */
export class AccountDatabase {
  readonly query: DataSource['query'];
  readonly transaction: DataSource['transaction'];

  constructor(readonly dataSource: DataSource) {
    this.query = dataSource.query.bind(dataSource);
    this.transaction = dataSource.transaction.bind(dataSource);
  }
}
