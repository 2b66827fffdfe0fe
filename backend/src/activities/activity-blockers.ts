import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessTransfer, assessVendor, type TransferFacts } from '../domain/transfers/transfer-status';
import { transferInputOf, VENDOR_COLUMNS } from '../vendors/vendor-record';
import { blockingConcerns } from '../vendors/vendor-review';
import type { Vendor } from '../vendors/vendor.entity';
import { VendorLinksService } from '../vendors/vendor-links.service';
import { ActivityCatalogues, type ActivityFacts } from '../catalogues/activity-catalogues';
import { consultationHold } from '../domain/dpias/dpia-rules';
import { screenActivity, type ScreeningThresholds } from '../domain/activities/screening-criteria';
import { BlockerFacts, ValidationBlocker, validationBlockers } from '../domain/activities/activity-rules';
import type { ActivityContent } from '../domain/activities/activity.types';
import { ProcessingActivity } from './activity.entity';

/** What a blocker check reads beside the document: the organisation's profile and the activity's DPIA. */
interface Surroundings {
  recipients: Map<string, { dpfCertified: boolean }>;
  transferFacts: TransferFacts;
  screeningFacts: ActivityFacts;
  thresholds: ScreeningThresholds;
  publicBody: boolean;
  outsidePublicTasks: boolean;
  dpia: { status: string; prior_consultation: { answer: { outcome: string } | null } | null } | null;
}

/**
 * The unlawful states validation refuses (transfers without a tool, processors without a contract, a
 * required DPIA not validated, the authority's hold, legitimate interest for a public body), read from
 * the register for a stored activity (the workflow's validation) or for activities an import brings
 * with the status « validée » — so that no path reaches « validée » past them without the DPO's reason.
 */
@Injectable()
export class ActivityBlockers {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly catalogues: ActivityCatalogues,
    private readonly links: VendorLinksService,
    private readonly transferFacts: TransferFactsService,
  ) {}

  /**
   * The blockers of a stored activity: its linked vendors (or, for an edit that changes them, the
   * vendors it is about to link, in order), its DPIA, the DPO's public-task record.
   */
  async ofStored(row: ProcessingActivity, processorIds?: readonly string[]): Promise<ValidationBlocker[]> {
    const manager = this.connection.manager;
    const vendors = processorIds
      ? await manager.query<Vendor[]>(
          `SELECT ${VENDOR_COLUMNS} FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, position)
           JOIN vendors v ON v.organization_id = $1 AND v.id = p.id ORDER BY p.position`,
          [row.organizationId, processorIds],
        )
      : await manager.query<Vendor[]>(
          `SELECT ${VENDOR_COLUMNS} FROM activity_processors ap
           JOIN vendors v ON v.organization_id = ap.organization_id AND v.id = ap.vendor_id
           WHERE ap.organization_id = $1 AND ap.activity_id = $2 ORDER BY ap.position, lower(v.name)`,
          [row.organizationId, row.id],
        );
    const [profile] = await manager.query<{ public_body: boolean; large_scale_persons: number; outside_public_tasks: object | null }[]>(
      'SELECT o.public_body, o.large_scale_persons, a.outside_public_tasks FROM organizations o JOIN processing_activities a ON a.organization_id = o.id WHERE o.id = $1 AND a.id = $2',
      [row.organizationId, row.id],
    );
    const [dpia] = await manager.query<Surroundings['dpia'][]>('SELECT status, prior_consultation FROM dpias WHERE organization_id = $1 AND activity_id = $2', [
      row.organizationId,
      row.id,
    ]);
    const surroundings: Surroundings = {
      recipients: await this.links.recipients(row.organizationId, row.document.transfers.map((transfer) => transfer.recipient)),
      transferFacts: await this.transferFacts.facts(),
      screeningFacts: await this.catalogues.facts(),
      thresholds: { largeScalePersons: profile.large_scale_persons },
      publicBody: profile.public_body,
      outsidePublicTasks: profile.outside_public_tasks != null,
      dpia: dpia ?? null,
    };
    return blockersOf(row.document, vendors.map((vendor) => ({ name: vendor.name, vendor })), surroundings);
  }

  /**
   * The blockers of activities an import is about to create, one list per document, in one pass: the
   * vendors their processors name as the register holds them (a name it does not know is a vendor the
   * import proposes, with no contract on record); a new activity has no DPIA and no public-task record.
   */
  async ofNew(organizationId: string, documents: readonly ActivityContent[], thresholds: ScreeningThresholds): Promise<ValidationBlocker[][]> {
    if (documents.length === 0) return [];
    const manager = this.connection.manager;
    const names = [...new Set(documents.flatMap((document) => document.processors.map((name) => name.toLowerCase())))];
    const vendors = names.length
      ? await manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND lower(v.name) = ANY($2::text[])`, [organizationId, names])
      : [];
    const byName = new Map(vendors.map((vendor) => [vendor.name.toLowerCase(), vendor]));
    const [profile] = await manager.query<{ public_body: boolean }[]>('SELECT public_body FROM organizations WHERE id = $1', [organizationId]);
    const base = {
      recipients: await this.links.recipients(organizationId, documents.flatMap((document) => document.transfers.map((transfer) => transfer.recipient))),
      transferFacts: await this.transferFacts.facts(),
      screeningFacts: await this.catalogues.facts(),
      thresholds,
      publicBody: profile.public_body,
      outsidePublicTasks: false,
      dpia: null,
    };
    return documents.map((document) => blockersOf(document, document.processors.map((name) => ({ name, vendor: byName.get(name.toLowerCase()) ?? null })), base));
  }
}

/** The shared rule on one document and what it reads around it. */
function blockersOf(document: ActivityContent, processors: { name: string; vendor: Vendor | null }[], around: Surroundings): ValidationBlocker[] {
  const facts: BlockerFacts = {
    transfers: document.transfers.map((transfer) => ({
      country: transfer.country,
      recipient: transfer.recipient,
      needsMechanism: assessTransfer(
        { country: transfer.country, mechanism: transfer.mechanism, vendor: transfer.recipient ? (around.recipients.get(transfer.recipient.toLowerCase()) ?? null) : null },
        around.transferFacts,
      ).needsMechanism,
    })),
    processors: processors.map(({ name, vendor }) => ({
      name,
      // A vendor the register does not hold yet has no contract on record.
      concerns: vendor ? blockingConcerns(vendor, assessVendor(transferInputOf(vendor), around.transferFacts)) : [{ code: 'dpa_missing', params: {} }],
    })),
    // The shared screening on the document as it is now (a document saved under an older rule screens anew).
    dpiaDecision: screenActivity(document, around.screeningFacts, around.thresholds, document.dpiaScreening).outcome.decision,
    dpiaStatus: around.dpia?.status ?? null,
    consultationHold: consultationHold(around.dpia?.prior_consultation ?? null),
    publicBody: around.publicBody,
    purposes: document.purposes,
    outsidePublicTasks: around.outsidePublicTasks,
  };
  return validationBlockers(facts);
}
