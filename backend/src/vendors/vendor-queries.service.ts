import { containsSearch, sortTerm } from '../common/http/list-sql';
import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { AdequacyConfirmationsService } from '../transfers/adequacy-confirmations.service';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessTransfer, assessVendor, CountryZone, VendorAssessment, zoneOf } from '../domain/transfers/transfer-status';
import {
  CountryBreakdownRow,
  CountryBreakdownView,
  ListVendorsQuery,
  VendorListItem,
  VendorSortKey,
  VendorVersionSummary,
  VendorVersionView,
  ZoneTotals,
} from './dto/vendor.dto';
import { Vendor, VendorReview, VendorVersion } from './vendor.entity';
import type { VendorConcern } from './vendor-review';
import { LinkedActivity, VendorLinksService } from './vendor-links.service';
import { isDpaMissing, isReviewOverdue, toVendorSnapshot, transferInputOf, VENDOR_COLUMNS } from './vendor-record';
import type { ReviewAnswers, ReviewResult, VendorSnapshot, VendorStatus } from '../domain/vendors/vendor.types';
import { names } from './vendor-access';
import { ChainNode, VendorGraph, VendorReference } from './vendor-graph.service';
import { ActivityDirectory } from '../activities/directory/activity-directory';

export interface ReviewDetail {
  id: string;
  vendorVersion: number;
  answers: ReviewAnswers;
  concerns: VendorConcern[];
  previousStatus: VendorStatus;
  result: ReviewResult;
  nextReviewDate: string | null;
  comment: string | null;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: Date;
}

/** GET /vendors/:id: the interchange format with what the server computes. */
export type VendorDetail = { id: string } & VendorSnapshot & {
    version: number;
    assessment: VendorAssessment;
    dpaMissing: boolean;
    reviewOverdue: boolean;
    subProcessorChain: ChainNode[];
    usedBy: VendorReference[];
    activities: LinkedActivity[];
    lastReview: ReviewDetail | null;
    createdAt: Date;
    updatedAt: Date;
  };

const SORT_COLUMNS: Record<VendorSortKey, string> = {
  name: 'lower(registre_unaccent(v.name))',
  status: "array_position(ARRAY['under_review', 'approved', 'restricted', 'terminated'], v.status)",
  nextReviewDate: 'v.next_review_date',
  updatedAt: 'v.updated_at',
};

/** Reading vendors: the list, one vendor with its chain, links and last review, its versions, where data go. */
@Injectable()
export class VendorQueries {
  constructor(
    private readonly activities: ActivityDirectory,
    private readonly connection: TransactionalConnection,
    private readonly transferFacts: TransferFactsService,
    private readonly links: VendorLinksService,
    private readonly graph: VendorGraph,
    private readonly confirmations: AdequacyConfirmationsService,
  ) {}

  /**
   * Column filters run in SQL; `exposed` and `needsMechanism` come from the transfer-status function
   * (the one definition of both), so they apply to the organisation's filtered vendors in memory —
   * a few hundred at most — before the page is cut.
   */
  async list(organizationId: string, query: ListVendorsQuery): Promise<Page<VendorListItem>> {
    const params: unknown[] = [organizationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['v.organization_id = $1'];
    const q = query.q?.trim();
    if (q) {
      where.push(containsSearch("concat_ws(' ', v.name, v.legal_entity, v.service)", q, param));
    }
    if (query.status?.length) where.push(`v.status = ANY(${param(query.status)}::text[])`);
    if (query.role) where.push(`v.role = ${param(query.role)}`);
    if (query.country) {
      const country = param(query.country);
      where.push(`(${country} = ANY(v.data_locations) OR v.headquarters_country = ${country})`);
    }
    if (query.dpaMissing !== undefined) {
      const missing = "(v.role IN ('processor', 'sub_processor') AND NOT v.dpa_signed AND v.status <> 'terminated')";
      where.push(query.dpaMissing ? missing : `NOT ${missing}`);
    }
    if (query.reviewOverdue !== undefined) {
      const overdue = "(v.status <> 'terminated' AND v.next_review_date IS NOT NULL AND v.next_review_date < CURRENT_DATE)";
      where.push(query.reviewOverdue ? overdue : `NOT ${overdue}`);
    }
    const order: string[] = [];
    if (query.sort) order.push(sortTerm(query.sort, SORT_COLUMNS));
    order.push('lower(registre_unaccent(v.name)) ASC', 'v.id ASC');

    const manager = this.connection.manager;
    const rows = await manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`, params);
    const counts = await manager.query<{ vendor_id: string; count: number }[]>(
      'SELECT vendor_id, count(*)::int AS count FROM activity_processors WHERE organization_id = $1 GROUP BY vendor_id',
      [organizationId],
    );
    const facts = await this.transferFacts.facts();
    const confirmed = await this.confirmations.byRecipient(organizationId);
    const today = await this.today();
    const activityCounts = new Map(counts.map((row) => [row.vendor_id, row.count]));
    const items = rows
      .map((row): VendorListItem => {
        const assessment = assessVendor(transferInputOf(row, confirmed), facts);
        return {
          id: row.id,
          name: row.name,
          legalEntity: row.legalEntity,
          service: row.service,
          role: row.role,
          status: row.status,
          headquartersCountry: row.headquartersCountry,
          parentCompany: row.parentCompany,
          parentCountry: row.parentCountry,
          dataLocations: row.dataLocations,
          certifications: row.certifications,
          dpaSigned: row.dpaSigned,
          transferMechanism: row.transferMechanism,
          nextReviewDate: row.nextReviewDate,
          dpaMissing: isDpaMissing(row),
          reviewOverdue: isReviewOverdue(row, today),
          exposed: assessment.exposed,
          needsMechanism: assessment.needsMechanism,
          activityCount: activityCounts.get(row.id) ?? 0,
          version: row.version,
          updatedAt: row.updatedAt,
        };
      })
      .filter((item) => query.exposed === undefined || item.exposed === query.exposed)
      .filter((item) => query.needsMechanism === undefined || item.needsMechanism === query.needsMechanism);
    const start = (query.page - 1) * query.pageSize;
    return pageOf(items.slice(start, start + query.pageSize), items.length, query);
  }

  async get(organizationId: string, vendorId: string): Promise<VendorDetail> {
    return this.detail(await this.find(organizationId, vendorId));
  }

  async versions(organizationId: string, vendorId: string, query: PageQuery): Promise<Page<VendorVersionSummary>> {
    await this.find(organizationId, vendorId);
    const manager = this.connection.manager;
    const items = await manager.query<VendorVersionSummary[]>(
        `SELECT number, action, snapshot ->> 'status' AS status, snapshot ->> 'name' AS name, author_id AS "authorId",
                author_name AS "authorName", comment, created_at AS "createdAt"
         FROM vendor_versions WHERE organization_id = $1 AND vendor_id = $2
         ORDER BY number DESC LIMIT $3 OFFSET $4`,
      [organizationId, vendorId, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const [{ total }] = await manager.query<{ total: number }[]>('SELECT count(*)::int AS total FROM vendor_versions WHERE organization_id = $1 AND vendor_id = $2', [
      organizationId,
      vendorId,
    ]);
    return pageOf(items, total, query);
  }

  async version(organizationId: string, vendorId: string, number: number): Promise<VendorVersionView> {
    const version = await this.connection.getRepository(VendorVersion).findOneBy({ organizationId, vendorId, number });
    if (!version) throw AppException.notFound();
    return {
      number: version.number,
      action: version.action,
      status: version.snapshot.status,
      name: version.snapshot.name,
      authorId: version.authorId,
      authorName: version.authorName,
      comment: version.comment,
      createdAt: version.createdAt,
      vendor: version.snapshot as unknown as Record<string, unknown>,
    };
  }

  /** Where data go: per country, its zone and how many vendor locations and activity transfers go there. */
  async countries(organizationId: string): Promise<CountryBreakdownView> {
    const manager = this.connection.manager;
    const vendors = await manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.status <> 'terminated'`, [organizationId]);
    const transfers = await this.activities.liveTransfers(organizationId);
    const facts = await this.transferFacts.facts();
    const confirmed = await this.confirmations.byRecipient(organizationId);
    const rows = new Map<string, CountryBreakdownRow>();
    const row = (country: string) => {
      let entry = rows.get(country);
      if (!entry) {
        entry = { country, zone: zoneOf(country, facts), vendors: 0, activityTransfers: 0, needsMechanism: 0 };
        rows.set(country, entry);
      }
      return entry;
    };
    for (const vendor of vendors) {
      for (const location of assessVendor(transferInputOf(vendor, confirmed), facts).locations) {
        const entry = row(location.country);
        entry.vendors += 1;
        if (location.needsMechanism) entry.needsMechanism += 1;
      }
    }
    const recipients = await this.links.recipients(organizationId, transfers.map((transfer) => transfer.recipient));
    for (const transfer of transfers) {
      const vendor = transfer.recipient ? (recipients.get(transfer.recipient.toLowerCase()) ?? null) : null;
      const scopeConfirmation = transfer.recipient ? (confirmed.get(transfer.recipient.toLowerCase())?.find((item) => item.country === transfer.country) ?? null) : null;
      const assessment = assessTransfer({ country: transfer.country, mechanism: transfer.mechanism, vendor, scopeConfirmation }, facts);
      const entry = row(transfer.country);
      entry.activityTransfers += 1;
      if (assessment.needsMechanism) entry.needsMechanism += 1;
    }
    const zoneOrder: CountryZone[] = ['eea', 'adequate', 'needs_safeguards'];
    const countries = [...rows.values()].sort(
      (a, b) => zoneOrder.indexOf(a.zone as CountryZone) - zoneOrder.indexOf(b.zone as CountryZone) || b.vendors + b.activityTransfers - (a.vendors + a.activityTransfers) || a.country.localeCompare(b.country),
    );
    const zones = zoneOrder.map((zone): ZoneTotals => {
      const inZone = countries.filter((entry) => entry.zone === zone);
      const sum = (key: 'vendors' | 'activityTransfers' | 'needsMechanism') => inZone.reduce((total, entry) => total + entry[key], 0);
      return { zone, countries: inZone.length, vendors: sum('vendors'), activityTransfers: sum('activityTransfers'), needsMechanism: sum('needsMechanism') };
    });
    return { countries, zones };
  }

  async today(): Promise<string> {
    const [{ today }] = await this.connection.manager.query<{ today: string }[]>("SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today");
    return today;
  }

  async find(organizationId: string, vendorId: string): Promise<Vendor> {
    const [row] = await this.connection.manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.id = $2`, [organizationId, vendorId]);
    if (!row) throw AppException.notFound();
    return row;
  }

  async detail(row: Vendor): Promise<VendorDetail> {
    const { organizationId, id } = row;
    const facts = await this.transferFacts.facts();
    const manager = this.connection.manager;
    const subProcessors = await this.graph.subProcessorsOf(organizationId, id);
    const chain = await this.graph.chain(organizationId, id, facts);
    const usedBy = await this.graph.usedBy(organizationId, id);
    const activities = await this.links.activitiesOf(organizationId, id);
    const lastReview = await manager.getRepository(VendorReview).findOne({ where: { organizationId, vendorId: id }, order: { reviewedAt: 'DESC', id: 'ASC' } });
    const today = await this.today();
    return {
      id,
      ...toVendorSnapshot(row, names(subProcessors)),
      version: row.version,
      assessment: assessVendor(transferInputOf(row, await this.confirmations.byRecipient(organizationId)), facts),
      dpaMissing: isDpaMissing(row),
      reviewOverdue: isReviewOverdue(row, today),
      subProcessorChain: chain,
      usedBy,
      activities,
      lastReview: lastReview ? toReviewDetail(lastReview) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

export function toReviewDetail(review: VendorReview): ReviewDetail {
  return {
    id: review.id,
    vendorVersion: review.vendorVersion,
    answers: review.answers,
    concerns: review.concerns,
    previousStatus: review.previousStatus,
    result: review.result,
    nextReviewDate: review.nextReviewDate,
    comment: review.comment,
    reviewerId: review.reviewerId,
    reviewerName: review.reviewerName,
    reviewedAt: review.reviewedAt,
  };
}
