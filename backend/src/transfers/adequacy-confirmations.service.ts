import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { adequacyOn, ScopeConfirmation, TransferFacts } from '../domain/transfers/transfer-status';
import { AdequacyConfirmationView } from './dto/adequacy-confirmation.dto';
import { TransferFactsService } from './transfer-facts.service';

interface ConfirmationRow {
  id: string;
  recipient: string;
  country: string;
  decision: string;
  reason: string;
  confirmed_by_name: string | null;
  confirmed_at: Date;
}

/**
 * The recipient a confirmation is about: a vendor of the register (its data locations), or the
 * recipient an activity's transfers name (the countries of those transfers). The audit event goes
 * on that vendor or activity.
 */
export interface ConfirmedRecipient {
  entityType: 'Vendor' | 'Activity';
  entityId: string;
  entityLabel: string;
  /** The recipient as named: the vendor's name, or the transfer's recipient. */
  name: string;
  dataLocations: readonly string[];
}

/** The partial adequacy decision that applies to `country` on the facts' date, if any. */
function partialDecision(facts: TransferFacts, country: string): string | null {
  const decision = adequacyOn(facts.countries.get(country)?.adequacy ?? null, facts.on).decision;
  return decision?.scope === 'partial' ? decision.decision : null;
}

/**
 * The DPO's confirmations that a recipient is in the scope of a partial adequacy decision (Art 45(1);
 * Art 5(2): the controller shows it checked). Rows are only added: the latest per recipient and
 * country counts, and the register as of a date reads those made by then.
 */
@Injectable()
export class AdequacyConfirmationsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly transferFacts: TransferFactsService,
    private readonly audit: AuditService,
  ) {}

  /** Lower-case recipient name → its latest confirmation per country, as they stood at `asOf` (now when null). */
  async byRecipient(organizationId: string, asOf: Date | null = null): Promise<Map<string, ScopeConfirmation[]>> {
    const rows = await this.connection.manager.query<{ key: string; country: string; decision: string }[]>(
      `SELECT DISTINCT ON (lower(recipient), country) lower(recipient) AS key, country, decision
       FROM adequacy_confirmations
       WHERE organization_id = $1 AND ($2::timestamptz IS NULL OR confirmed_at <= $2::timestamptz)
       ORDER BY lower(recipient), country, confirmed_at DESC, id`,
      [organizationId, asOf?.toISOString() ?? null],
    );
    const map = new Map<string, ScopeConfirmation[]>();
    for (const row of rows) map.set(row.key, [...(map.get(row.key) ?? []), { country: row.country, decision: row.decision }]);
    return map;
  }

  /** Every confirmation about this recipient, newest first (who, when, why, under which decision). */
  async history(organizationId: string, recipient: string): Promise<AdequacyConfirmationView[]> {
    const [rows, facts] = await Promise.all([
      this.connection.manager.query<ConfirmationRow[]>(
        `SELECT id, recipient, country, decision, reason, confirmed_by_name, confirmed_at FROM adequacy_confirmations
         WHERE organization_id = $1 AND lower(recipient) = lower($2) ORDER BY confirmed_at DESC, id`,
        [organizationId, recipient],
      ),
      this.transferFacts.facts(),
    ]);
    const latest = new Set<string>();
    return rows.map((row) => {
      // Only the newest confirmation per country, made under the decision in force today, covers.
      const first = !latest.has(row.country);
      latest.add(row.country);
      return toView(row, first && partialDecision(facts, row.country) === row.decision);
    });
  }

  /** Records that the recipient is in scope of the partial decision in force for one of its countries. */
  async confirm(organizationId: string, recipient: ConfirmedRecipient, input: { country: string; reason: string }): Promise<AdequacyConfirmationView> {
    const facts = await this.transferFacts.facts();
    const decision = partialDecision(facts, input.country);
    if (!recipient.dataLocations.includes(input.country)) {
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        recipient.entityType === 'Vendor' ? 'adequacy_country_not_a_location' : 'adequacy_not_a_transfer',
        { country: input.country },
      );
    }
    if (!decision) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'adequacy_not_partial', { country: input.country });
    const context = this.connection.context;
    const [row] = await this.connection.manager.query<ConfirmationRow[]>(
      `INSERT INTO adequacy_confirmations (organization_id, recipient, country, decision, reason, confirmed_by, confirmed_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, recipient, country, decision, reason, confirmed_by_name, confirmed_at`,
      [organizationId, recipient.name, input.country, decision, input.reason, context.userId || null, context.actorName ?? null],
    );
    await this.audit.record({
      action: 'adequacy_scope_confirmed',
      entityType: recipient.entityType,
      entityId: recipient.entityId,
      entityLabel: recipient.entityLabel,
      after: {
        ...(recipient.entityType === 'Activity' ? { adequacyRecipient: recipient.name } : {}),
        adequacyCountry: input.country,
        adequacyDecision: decision,
        adequacyReason: input.reason,
      },
    });
    return toView(row, true);
  }
}

function toView(row: ConfirmationRow, current: boolean): AdequacyConfirmationView {
  return {
    id: row.id,
    recipient: row.recipient,
    country: row.country,
    decision: row.decision,
    reason: row.reason,
    confirmedByName: row.confirmed_by_name,
    confirmedAt: row.confirmed_at,
    current,
  };
}
