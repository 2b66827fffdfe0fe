import { subject } from '@casl/ability';
import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountMailService } from '../account-mail/account-mail.service';
import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import type { Locale } from '../common/i18n/i18n';
import { accountEmail } from '../auth/account-emails';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { normalizeRoles, type Role } from '../members/membership.entity';
import type { AcceptedInvitation, CreateInvitationDto, InvitationPreview, InvitationView } from './dto/invitation.dto';

export const INVITATION_LIFETIME_DAYS = 7;

interface InvitationRow {
  id: string;
  email: string;
  roles: Role[];
  department_id: string | null;
  expires_at: Date;
  created_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  expired: boolean;
}

interface TokenLookup {
  organization_id: string;
  invitation_id: string;
  organization_name: string;
  invited_by_name: string | null;
  email: string;
  roles: Role[];
  expires_at: Date;
  accepted: boolean;
  revoked: boolean;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

function toView(row: InvitationRow): InvitationView {
  const status = row.accepted_at ? 'accepted' : row.revoked_at ? 'revoked' : row.expired ? 'expired' : 'pending';
  return { id: row.id, email: row.email, roles: row.roles, departmentId: row.department_id, status, expiresAt: row.expires_at, createdAt: row.created_at };
}

const COLUMNS = 'id, email, roles, department_id, expires_at, created_at, accepted_at, revoked_at, expires_at <= now() AS expired';

/**
 * Invitations replace enrolling an existing account by e-mail: the link reaches the invited address
 * only, and the membership exists once a signed-in user whose proven address is the invited one
 * accepts it. The admin's answer is the same whether or not an account uses the address, and never
 * names its owner.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly mail: AccountMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: WorkflowNotifier,
  ) {}

  private get manager() {
    return this.connection.manager;
  }

  async create(organizationId: string, inviter: SessionUser, input: CreateInvitationDto): Promise<InvitationView> {
    const roles = normalizeRoles(input.roles);
    await this.assertDepartment(organizationId, input.departmentId);
    const [member] = await this.manager.query<{ id: string }[]>(
      'SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2',
      [organizationId, input.email],
    );
    if (member) throw new AppException(HttpStatus.CONFLICT, 'already_member');
    // A new invitation to the same address replaces the open one.
    await this.manager.query(
      'UPDATE invitations SET revoked_at = now() WHERE organization_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [organizationId, input.email],
    );
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.manager.query<InvitationRow[]>(
      `INSERT INTO invitations (organization_id, email, roles, department_id, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING ${COLUMNS}`,
      [organizationId, input.email, roles, input.departmentId ?? null, hash(token), inviter.id, INVITATION_LIFETIME_DAYS],
    );
    await this.audit.record({
      action: 'create',
      entityType: 'Invitation',
      entityId: row.id,
      entityLabel: row.email,
      after: { email: row.email, roles: row.roles, departmentId: row.department_id, expiresAt: row.expires_at },
    });
    await this.sendInvitation(organizationId, row.email, inviter, token);
    return toView(row);
  }

  async list(organizationId: string): Promise<InvitationView[]> {
    const rows = await this.manager.query<InvitationRow[]>(`SELECT ${COLUMNS} FROM invitations WHERE organization_id = $1 ORDER BY created_at DESC`, [organizationId]);
    return rows.map(toView);
  }

  private async lockOpen(organizationId: string, invitationId: string): Promise<InvitationRow> {
    const [row] = await this.manager.query<InvitationRow[]>(`SELECT ${COLUMNS} FROM invitations WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, invitationId]);
    if (!row) throw AppException.notFound();
    if (row.accepted_at || row.revoked_at) throw new AppException(HttpStatus.CONFLICT, 'invitation_closed');
    return row;
  }

  /** A new link (the previous one stops working) and seven more days. */
  async resend(organizationId: string, inviter: SessionUser, invitationId: string): Promise<InvitationView> {
    const before = await this.lockOpen(organizationId, invitationId);
    const token = randomBytes(32).toString('base64url');
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [[row]] = await this.manager.query<[InvitationRow[], number]>(
      `UPDATE invitations SET token_hash = $3, expires_at = now() + make_interval(days => $4) WHERE organization_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [organizationId, invitationId, hash(token), INVITATION_LIFETIME_DAYS],
    );
    await this.audit.record({ action: 'resend', entityType: 'Invitation', entityId: row.id, entityLabel: row.email, before: { expiresAt: before.expires_at }, after: { expiresAt: row.expires_at } });
    await this.sendInvitation(organizationId, row.email, inviter, token);
    return toView(row);
  }

  async revoke(organizationId: string, invitationId: string): Promise<void> {
    const row = await this.lockOpen(organizationId, invitationId);
    await this.manager.query('UPDATE invitations SET revoked_at = now() WHERE organization_id = $1 AND id = $2', [organizationId, invitationId]);
    await this.audit.record({ action: 'revoke', entityType: 'Invitation', entityId: row.id, entityLabel: row.email, before: { status: 'pending' }, after: { status: 'revoked' } });
  }

  private async lookup(token: string): Promise<TokenLookup> {
    const [row] = await this.manager.query<TokenLookup[]>('SELECT * FROM app_invitation_by_token($1)', [hash(token)]);
    if (!row || row.accepted || row.revoked) throw new AppException(HttpStatus.BAD_REQUEST, 'token_invalid');
    if (new Date(row.expires_at).getTime() <= Date.now()) throw new AppException(HttpStatus.BAD_REQUEST, 'token_expired');
    return row;
  }

  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.connection.withTenant({}, () => this.lookup(token));
    return { organizationName: row.organization_name, invitedByName: row.invited_by_name, email: row.email, roles: row.roles, expiresAt: row.expires_at };
  }

  /** Creates the membership for the signed-in user whose (proven) address is the invited one. */
  async accept(token: string, user: SessionUser): Promise<AcceptedInvitation> {
    const found = await this.lookup(token);
    if (found.email !== user.email.toLowerCase()) throw new AppException(HttpStatus.FORBIDDEN, 'invitation_other_email');
    await this.connection.bindOrganization(found.organization_id);
    const row = await this.lockOpen(found.organization_id, found.invitation_id).catch((error: unknown) => {
      if (error instanceof AppException && error.code === 'invitation_closed') throw new AppException(HttpStatus.BAD_REQUEST, 'token_invalid');
      throw error;
    });
    const [existing] = await this.manager.query<{ id: string }[]>('SELECT id FROM memberships WHERE organization_id = $1 AND user_id = $2', [found.organization_id, user.id]);
    if (existing) throw new AppException(HttpStatus.CONFLICT, 'already_member');
    const [membership] = await this.manager.query<{ id: string }[]>(
      // Every role the invitation carries.
      'INSERT INTO memberships (organization_id, user_id, roles, department_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [found.organization_id, user.id, row.roles, row.department_id],
    );
    await this.manager.query('UPDATE invitations SET accepted_at = now(), accepted_by = $3 WHERE organization_id = $1 AND id = $2', [found.organization_id, row.id, user.id]);
    await this.audit.record({
      action: 'create',
      entityType: 'Membership',
      entityId: membership.id,
      entityLabel: user.email,
      after: { email: user.email, roles: row.roles, departmentId: row.department_id, invitationId: row.id },
    });
    await this.audit.record({ action: 'accept', entityType: 'Invitation', entityId: row.id, entityLabel: row.email, before: { status: 'pending' }, after: { status: 'accepted' } });
    // The administrators, and whoever invited, hear that the new member is in (in this transaction).
    const [{ invited_by: invitedBy }] = await this.manager.query<{ invited_by: string | null }[]>(
      'SELECT invited_by FROM invitations WHERE organization_id = $1 AND id = $2',
      [found.organization_id, row.id],
    );
    await this.notifier.notify({
      kind: 'invitation_accepted',
      organizationId: found.organization_id,
      record: {
        type: 'membership',
        id: membership.id,
        reference: found.organization_name,
        name: found.organization_name,
        subject: subject('Membership', { organizationId: found.organization_id }),
      },
      to: ['admins', { userId: invitedBy }],
    });
    return { organizationId: found.organization_id, organizationName: found.organization_name, roles: row.roles };
  }

  private async sendInvitation(organizationId: string, email: string, inviter: SessionUser, token: string): Promise<void> {
    const [organization] = await this.manager.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [organizationId]);
    // In the language of the invited account if there is one, else the inviter's.
    const [account] = await this.manager.query<{ locale: Locale }[]>('SELECT locale FROM users WHERE email = $1', [email]);
    const locale = account?.locale ?? inviter.locale;
    const params = { organization: organization.name, inviter: inviter.name, link: `${this.config.publicUrl}/invitations/${token}`, days: INVITATION_LIFETIME_DAYS };
    await this.mail.send(accountEmail('invitation', email, locale, params));
  }

  private async assertDepartment(organizationId: string, departmentId: string | null | undefined): Promise<void> {
    if (!departmentId) return;
    const [department] = await this.manager.query<{ id: string }[]>('SELECT id FROM departments WHERE organization_id = $1 AND id = $2', [organizationId, departmentId]);
    if (!department) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', { fields: [{ path: 'departmentId', code: 'exists', message: 'unknown department' }] });
    }
  }
}
