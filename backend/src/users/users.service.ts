import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountDatabase } from '../database/account-database';
import { onUniqueViolation } from '../common/errors/database-errors';
import { AppException } from '../common/errors/app-exception';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { SessionUser } from '../authorization/request-auth';
import { Membership } from '../members/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { Locale, User } from './user.entity';

export function toSessionUser(user: Pick<User, 'id' | 'email' | 'name' | 'locale'>): SessionUser {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/** Accounts are global; reading them needs no tenant context. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: TransactionalConnection,
    private readonly accounts: AccountDatabase,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
  }

  /** With the password hash, which is not selected by default and only the account role may read. */
  findCredentials(email: string): Promise<User | null> {
    return this.accounts.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /** As the account role: the application role cannot write a password hash. */
  create(input: { email: string; passwordHash: string; name: string; locale: Locale; emailVerifiedAt?: Date | null }): Promise<User> {
    const users = this.accounts.dataSource.getRepository(User);
    return onUniqueViolation(() => users.save(users.create(input)), () => new AppException(HttpStatus.CONFLICT, 'email_taken'));
  }

  /**
   * The account of an address an identity provider has just proven (single sign-on), as the account
   * role: created when missing, with `unusableHash` (a password nobody knows; a reset link can set one).
   * An account made with this address but never proven may be a squatter's: the address becomes proven
   * and the squatter's password stops working.
   */
  provenAccount(input: { email: string; name: string; locale: Locale; unusableHash: string }): Promise<{ id: string; email: string; name: string; locale: Locale }> {
    return this.accounts.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO users (email, password_hash, name, locale, email_verified_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (email) DO NOTHING`,
        [input.email, input.unusableHash, input.name, input.locale],
      );
      const [account] = await manager.query<{ id: string; email: string; name: string; locale: Locale; email_verified_at: Date | null }[]>(
        'SELECT id, email, name, locale, email_verified_at FROM users WHERE email = $1 FOR UPDATE',
        [input.email],
      );
      if (!account.email_verified_at) {
        await manager.query('UPDATE users SET email_verified_at = now(), password_hash = $2, updated_at = now() WHERE id = $1', [account.id, input.unusableHash]);
      }
      return { id: account.id, email: account.email, name: account.name, locale: account.locale };
    });
  }

  async updateProfile(userId: string, changes: { name?: string; locale?: Locale }): Promise<User> {
    const repository = this.connection.getRepository(User);
    await repository.update({ id: userId }, changes);
    return repository.findOneByOrFail({ id: userId });
  }

  /** The user's memberships across organisations (RLS lets a user see their own memberships). */
  async memberships(userId: string): Promise<{ organizationId: string; organizationName: string; roles: string[] }[]> {
    const rows = await this.connection.manager
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(Organization, 'organization', 'organization.id = membership.organizationId')
      .select(['membership.organizationId AS "organizationId"', 'organization.name AS "organizationName"', 'membership.roles AS "roles"'])
      .where('membership.userId = :userId', { userId })
      .orderBy('organization.name', 'ASC')
      .getRawMany<{ organizationId: string; organizationName: string; roles: string[] }>();
    return rows;
  }
}
