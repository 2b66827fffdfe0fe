import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { AuditService } from '../audit/audit.service';
import type { OrganizationAccess } from '../authorization/request-auth';
import { assertVersion } from '../common/concurrency/expected-version';
import { canonicalJson, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { onUniqueViolation } from '../common/errors/database-errors';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { FieldError, FieldValidationException, validatePlain } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { DocumentStorage } from '../evidence/document-storage';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessTransfer, assessVendor, CountryZone, TransferFacts, VendorAssessment, zoneOf } from '../domain/transfers/transfer-status';
import {
  CountryBreakdownRow,
  CountryBreakdownView,
  CreateVendorDto,
  ListVendorsQuery,
  ReviewVendorDto,
  UpdateVendorDto,
  VendorImportResultView,
  VendorListItem,
  VendorSortKey,
  VendorVersionSummary,
  VendorVersionView,
  ZoneTotals,
} from './dto/vendor.dto';
import { Vendor, VendorReview, VendorVersion } from './vendor.entity';
import { VendorCannotApproveException, VendorImportInvalidException } from './vendor-errors';
import { pick, VendorLinksService, VendorName } from './vendor-links.service';
import { isDpaMissing, isReviewOverdue, toVendorSnapshot, transferInputOf, VENDOR_COLUMNS } from './vendor-record';
import { blockingConcerns, reviewConcerns, VendorConcern } from './vendor-review';
import type { ReviewAnswers, ReviewResult, VendorRole, VendorSnapshot, VendorStatus } from '../domain/vendors/vendor.types';

type VendorAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;

export interface LinkedActivity {
  id: string;
  reference: string;
  name: string;
  status: string;
}

export interface VendorReference {
  id: string;
  name: string;
  status: VendorStatus;
}

export interface ChainNode extends VendorReference {
  parentId: string;
  depth: number;
  role: VendorRole;
  exposed: boolean;
  needsMechanism: boolean;
}

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

export type TerminatedVendor = VendorDetail & { activitiesStillUsing: LinkedActivity[] };

/** The vendor as CASL rules see it. */
const asSubject = (row: Pick<Vendor, 'organizationId' | 'status'>) => subject('Vendor', { organizationId: row.organizationId, status: row.status });

const SORT_COLUMNS: Record<VendorSortKey, string> = {
  name: 'lower(registre_unaccent(v.name))',
  status: "array_position(ARRAY['under_review', 'approved', 'restricted', 'terminated'], v.status)",
  nextReviewDate: 'v.next_review_date',
  updatedAt: 'v.updated_at',
};

/** Deepest sub-processor chain shown (the cycle check needs no limit: its UNION stops on its own). */
const MAX_CHAIN_DEPTH = 10;
const SUB_PROCESSOR_LOCK = 11;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

@Injectable()
export class VendorsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly transferFacts: TransferFactsService,
    private readonly links: VendorLinksService,
    private readonly storage: DocumentStorage,
    private readonly notifier: WorkflowNotifier,
  ) {}

  // ——— reading ———

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
      where.push(
        `lower(registre_unaccent(concat_ws(' ', v.name, v.legal_entity, v.service))) LIKE '%' || lower(registre_unaccent(${param(escapeLike(q))})) || '%' ESCAPE '\\'`,
      );
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
    if (query.sort) {
      const descending = query.sort.startsWith('-');
      order.push(`${SORT_COLUMNS[query.sort.replace(/^-/, '') as VendorSortKey]} ${descending ? 'DESC' : 'ASC'} NULLS LAST`);
    }
    order.push('lower(registre_unaccent(v.name)) ASC', 'v.id ASC');

    const manager = this.connection.manager;
    const rows = await manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`, params);
    const counts = await manager.query<{ vendor_id: string; count: number }[]>(
      'SELECT vendor_id, count(*)::int AS count FROM activity_processors WHERE organization_id = $1 GROUP BY vendor_id',
      [organizationId],
    );
    const facts = await this.transferFacts.facts();
    const today = await this.today();
    const activityCounts = new Map(counts.map((row) => [row.vendor_id, row.count]));
    const items = rows
      .map((row): VendorListItem => {
        const assessment = assessVendor(transferInputOf(row), facts);
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

  /** The review history, newest first. */
  async reviews(organizationId: string, vendorId: string, query: PageQuery): Promise<Page<ReviewDetail>> {
    await this.find(organizationId, vendorId);
    const [rows, total] = await this.connection.getRepository(VendorReview).findAndCount({
      where: { organizationId, vendorId },
      order: { reviewedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(toReviewDetail), total, query);
  }

  /** Where data go: per country, its zone and how many vendor locations and activity transfers go there. */
  async countries(organizationId: string): Promise<CountryBreakdownView> {
    const manager = this.connection.manager;
    const vendors = await manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.status <> 'terminated'`, [organizationId]);
    const transfers = await manager.query<{ country: string; mechanism: string | null; recipient: string | null }[]>(
      `SELECT t ->> 'country' AS country, t ->> 'mechanism' AS mechanism, t ->> 'recipient' AS recipient
       FROM processing_activities a, jsonb_array_elements(a.document -> 'transfers') AS t
       WHERE a.organization_id = $1 AND a.status <> 'archived'`,
      [organizationId],
    );
    const facts = await this.transferFacts.facts();
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
      for (const location of assessVendor(transferInputOf(vendor), facts).locations) {
        const entry = row(location.country);
        entry.vendors += 1;
        if (location.needsMechanism) entry.needsMechanism += 1;
      }
    }
    const recipients = await this.links.recipients(organizationId, transfers.map((transfer) => transfer.recipient));
    for (const transfer of transfers) {
      const vendor = transfer.recipient ? (recipients.get(transfer.recipient.toLowerCase()) ?? null) : null;
      const assessment = assessTransfer({ country: transfer.country, mechanism: transfer.mechanism, vendor }, facts);
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

  // ——— writing ———

  /** A contributor proposes (under_review); the DPO or an admin may record any status (approved needs a DPA and covered transfers). */
  async create(access: VendorAccess, input: CreateVendorDto): Promise<VendorDetail> {
    const { organizationId } = access;
    const facts = await this.transferFacts.facts();
    const errors = checkCodes(input, facts);
    errors.push(...documentsNotAttached(input));
    await this.lockSubProcessorGraph(organizationId);
    const subProcessors = input.subProcessors ? await this.resolveSubProcessors(organizationId, null, input.subProcessors, errors) : [];
    if (errors.length) throw new FieldValidationException(errors);

    const now = await this.now();
    const row = buildVendor(organizationId, input, null, now);
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    if (row.status === 'approved') assertApprovable(row, facts);
    await this.insert(row);
    await this.replaceSubProcessors(row, subProcessors);
    await this.recordVersion(row, 'create', null, null, subProcessors);
    if (row.status === 'under_review') await this.notifyProposed(row);
    return this.detail(row);
  }

  /** Top-level fields given replace the stored ones; the status changes through review and terminate only. */
  async update(access: VendorAccess, vendorId: string, expected: number, input: Omit<UpdateVendorDto, 'version'>): Promise<VendorDetail> {
    const { organizationId } = access;
    // The graph lock first, then the row: every writer of the graph takes them in this order.
    if (input.subProcessors !== undefined) await this.lockSubProcessorGraph(organizationId);
    const current = await this.lock(organizationId, vendorId);
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(current));
    assertVersion(current.version, expected);

    const facts = await this.transferFacts.facts();
    const errors = checkCodes(input, facts);
    if (input.status !== undefined && input.status !== current.status) errors.push({ path: 'status', code: 'statusViaReview', args: [] });
    errors.push(...(await this.documentsOfOther(current, input)));
    const currentSubs = await this.subProcessorsOf(organizationId, vendorId);
    let subProcessors = currentSubs;
    if (input.subProcessors !== undefined) subProcessors = await this.resolveSubProcessors(organizationId, current, input.subProcessors, errors);
    if (errors.length) throw new FieldValidationException(errors);

    const next = buildVendor(organizationId, input, current, current.updatedAt);
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(next));
    // An approved vendor keeps what approval needs: restrict it (review) before removing its DPA.
    if (next.status === 'approved') assertApprovable(next, facts);

    const before = toVendorSnapshot(current, names(currentSubs));
    const after = toVendorSnapshot(next, names(subProcessors));
    if (canonicalJson(before) === canonicalJson(after)) return this.detail(current);

    next.version = current.version + 1;
    next.updatedAt = await this.now();
    await this.save(next);
    if (input.subProcessors !== undefined) await this.replaceSubProcessors(next, subProcessors);
    await this.recordVersion(next, 'update', input.comment ?? null, before, subProcessors);
    return this.detail(next);
  }

  /** Refused while activities or other vendors rely on it: terminate it instead, which keeps the trail. */
  async remove(access: VendorAccess, vendorId: string): Promise<void> {
    const { organizationId } = access;
    // Nobody may make it a sub-processor (graph lock) or link an activity to it (row lock) meanwhile.
    await this.lockSubProcessorGraph(organizationId);
    const current = await this.lock(organizationId, vendorId, 'UPDATE');
    ForbiddenError.from(access.ability).throwUnlessCan('delete', asSubject(current));
    const activities = await this.activitiesOf(organizationId, vendorId);
    const usedBy = await this.usedBy(organizationId, vendorId);
    if (activities.length || usedBy.length) {
      throw new AppException(HttpStatus.CONFLICT, 'vendor_in_use', { activities, vendors: usedBy }, { activities: activities.length, vendors: usedBy.length });
    }
    const before = toVendorSnapshot(current, names(await this.subProcessorsOf(organizationId, vendorId)));
    const documents = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM evidence_documents WHERE organization_id = $1 AND vendor_id = $2', [
      organizationId,
      vendorId,
    ]);
    await this.storage.remove(
      organizationId,
      documents.map((document) => document.id),
    );
    // Versions, reviews, own sub-processor links and documents go with it (foreign keys).
    await this.connection.getRepository(Vendor).delete({ organizationId, id: vendorId });
    await this.audit.record({ action: 'delete', entityType: 'Vendor', entityId: vendorId, entityLabel: current.name, before: flattenFields(before as unknown as Record<string, unknown>) });
  }

  /**
   * Records a review questionnaire (answers, concerns, reviewer, date) and sets the status it
   * concludes. Approving is refused while a blocking concern stands (no DPA, a transfer without mechanism).
   */
  async review(access: VendorAccess, vendorId: string, expected: number, input: Omit<ReviewVendorDto, 'version'>): Promise<VendorDetail> {
    const { organizationId } = access;
    const current = await this.lock(organizationId, vendorId);
    ForbiddenError.from(access.ability).throwUnlessCan('validate', asSubject(current));
    assertVersion(current.version, expected);
    const facts = await this.transferFacts.facts();
    const answers = toAnswers(input.answers);
    const errors: FieldError[] = [];
    answers.dataLocations?.forEach((country, i) => {
      if (!facts.countries.has(country)) errors.push({ path: `answers.dataLocations[${i}]`, code: 'catalogueCode', args: [country, 'countries'] });
    });
    if (errors.length) throw new FieldValidationException(errors);

    const concerns = reviewConcerns(current, assessVendor(transferInputOf(current), facts), answers);
    const blocking = concerns.filter((concern) => concern.blocking);
    if (input.result === 'approved' && blocking.length) throw new VendorCannotApproveException(blocking);

    const subProcessors = await this.subProcessorsOf(organizationId, vendorId);
    const before = toVendorSnapshot(current, names(subProcessors));
    const now = await this.now();
    const next: Vendor = {
      ...current,
      status: input.result,
      nextReviewDate: input.nextReviewDate !== undefined ? input.nextReviewDate : current.nextReviewDate,
      version: current.version + 1,
      updatedAt: now,
    };
    await this.save(next);
    const context = this.connection.context;
    await this.connection.getRepository(VendorReview).insert({
      organizationId,
      id: randomUUID(),
      vendorId,
      vendorVersion: next.version,
      answers,
      concerns,
      previousStatus: current.status,
      result: input.result,
      nextReviewDate: next.nextReviewDate,
      comment: input.comment ?? null,
      reviewerId: context.userId ?? null,
      reviewerName: context.actorName ?? null,
      reviewedAt: now,
    });
    await this.recordVersion(next, 'review', input.comment ?? null, before, subProcessors);
    return this.detail(next);
  }

  /** Ends the relationship; the answer lists every activity (not archived) still using the vendor. */
  async terminate(access: VendorAccess, vendorId: string, expected: number, comment: string | null): Promise<TerminatedVendor> {
    const { organizationId } = access;
    const current = await this.lock(organizationId, vendorId);
    ForbiddenError.from(access.ability).throwUnlessCan('validate', asSubject(current));
    assertVersion(current.version, expected);
    if (current.status === 'terminated') {
      throw new AppException(
        HttpStatus.CONFLICT,
        'invalid_transition',
        { status: current.status, transition: 'terminate', allowedFrom: ['under_review', 'approved', 'restricted'] },
        { status: current.status },
      );
    }
    const subProcessors = await this.subProcessorsOf(organizationId, vendorId);
    const before = toVendorSnapshot(current, names(subProcessors));
    const next: Vendor = { ...current, status: 'terminated', version: current.version + 1, updatedAt: await this.now() };
    await this.save(next);
    await this.recordVersion(next, 'terminate', comment, before, subProcessors);
    const detail = await this.detail(next);
    return { ...detail, activitiesStillUsing: detail.activities.filter((activity) => activity.status !== 'archived') };
  }

  /**
   * Imports vendors in the interchange format (the sample register's `vendors`), all or nothing.
   * Sub-processors may name vendors of the organisation or of the same file. Statuses are taken when
   * the caller's role could set them (contributors: under_review only).
   */
  async importVendors(access: VendorAccess, items: unknown[]): Promise<VendorImportResultView> {
    const { organizationId } = access;
    const facts = await this.transferFacts.facts();
    await this.lockSubProcessorGraph(organizationId);
    const existing = await this.links.byName(organizationId);
    const report: { name: string | null; fields: FieldError[] }[] = [];
    const prepared: { input: CreateVendorDto; row: Vendor; fields: FieldError[] }[] = [];
    const firstWithName = new Map<string, number>();
    const now = await this.now();

    for (const [index, item] of items.entries()) {
      const given = (item as { name?: unknown } | null)?.name;
      const entry = { name: typeof given === 'string' ? given : null, fields: [] as FieldError[] };
      report.push(entry);
      const { value: input, errors: shapeErrors } = await validatePlain(CreateVendorDto, item);
      if (shapeErrors.length) {
        entry.fields.push(...shapeErrors);
        continue;
      }
      entry.fields.push(...checkCodes(input, facts), ...documentsNotAttached(input));
      const row = buildVendor(organizationId, input, null, now);
      if (!access.ability.can('create', asSubject(row))) entry.fields.push({ path: 'status', code: 'vendorStatusNotAllowed', args: [row.status] });
      else if (row.status === 'approved') entry.fields.push(...approvalFieldErrors(row, facts));
      const key = input.name.toLowerCase();
      const first = firstWithName.get(key);
      if (first !== undefined) entry.fields.push({ path: 'name', code: 'nameDuplicateInFile', args: [input.name, String(first)] });
      else {
        firstWithName.set(key, index);
        if (existing.has(key)) entry.fields.push({ path: 'name', code: 'nameTaken', args: [input.name] });
      }
      prepared.push({ input, row, fields: entry.fields });
    }
    // Sub-processors: vendors of the organisation or of the file (a vendor is not its own).
    const inFile = new Map<string, VendorName>(prepared.map(({ row }) => [row.name.toLowerCase(), { id: row.id, name: row.name }]));
    const known = new Map([...existing, ...inFile]);
    const subsOf = new Map<string, VendorName[]>();
    for (const { input, row, fields } of prepared) {
      const { vendors, errors } = pick(input.subProcessors ?? [], known, 'subProcessors');
      fields.push(...errors);
      input.subProcessors?.forEach((name, i) => {
        if (name.toLowerCase() === row.name.toLowerCase()) fields.push({ path: `subProcessors[${i}]`, code: 'subProcessorSelf', args: [name] });
      });
      subsOf.set(
        row.id,
        vendors.filter((vendor) => vendor.id !== row.id),
      );
    }
    if (report.some((entry) => entry.fields.length > 0)) throw new VendorImportInvalidException(report);

    for (const { row } of prepared) await this.insert(row);
    for (const [index, { row }] of prepared.entries()) {
      const subProcessors = subsOf.get(row.id)!;
      for (const sub of subProcessors) {
        if (await this.reaches(organizationId, sub.id, row.id)) {
          report[index].fields.push({ path: 'subProcessors', code: 'subProcessorCycle', args: [sub.name] });
          throw new VendorImportInvalidException(report);
        }
      }
      await this.replaceSubProcessors(row, subProcessors);
    }
    for (const { row } of prepared) await this.recordVersion(row, 'import', null, null, subsOf.get(row.id)!);
    return { imported: prepared.length, items: prepared.map(({ row }) => ({ id: row.id, name: row.name })) };
  }

  /**
   * Vendors an activity import names but the organisation does not have yet: created as proposals
   * (under_review, processor) so the DPO reviews them. Returns them by lower-case name.
   */
  async createProposals(access: VendorAccess, vendorNames: (string | VendorProposal)[]): Promise<VendorName[]> {
    const now = await this.now();
    const created: VendorName[] = [];
    const facts = vendorNames.some((item) => typeof item !== 'string') ? await this.transferFacts.facts() : null;
    for (const item of vendorNames) {
      const row = buildVendor(access.organizationId, typeof item === 'string' ? { name: item } : proposalInput(item, facts!), null, now);
      ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
      await this.insert(row);
      await this.recordVersion(row, 'import', null, null, []);
      await this.notifyProposed(row);
      created.push({ id: row.id, name: row.name });
    }
    return created;
  }

  // ——— helpers ———

  /** A proposed vendor waits for the DPOs' review: they hear of it, in this transaction. */
  private async notifyProposed(row: Vendor): Promise<void> {
    await this.notifier.notify({
      kind: 'vendor_proposed',
      organizationId: row.organizationId,
      record: { type: 'vendor', id: row.id, reference: row.name, name: row.name, subject: asSubject(row) },
      to: ['dpos'],
    });
  }

  private async now(): Promise<Date> {
    const [{ now }] = await this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  private async today(): Promise<string> {
    const [{ today }] = await this.connection.manager.query<{ today: string }[]>("SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today");
    return today;
  }

  private async find(organizationId: string, vendorId: string): Promise<Vendor> {
    const [row] = await this.connection.manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.id = $2`, [organizationId, vendorId]);
    if (!row) throw AppException.notFound();
    return row;
  }

  /**
   * NO KEY UPDATE: writers of this vendor queue, while links to it (which take KEY SHARE) go on.
   * Deleting takes UPDATE, so no link can be added between the "in use" check and the deletion.
   */
  private async lock(organizationId: string, vendorId: string, mode: 'NO KEY UPDATE' | 'UPDATE' = 'NO KEY UPDATE'): Promise<Vendor> {
    const [row] = await this.connection.manager.query<Vendor[]>(`SELECT ${VENDOR_COLUMNS} FROM vendors v WHERE v.organization_id = $1 AND v.id = $2 FOR ${mode}`, [
      organizationId,
      vendorId,
    ]);
    if (!row) throw AppException.notFound();
    return row;
  }

  private async insert(row: Vendor): Promise<void> {
    await this.uniqueName(row.name, () => this.connection.getRepository(Vendor).insert(row));
  }

  private async save(row: Vendor): Promise<void> {
    const { organizationId, id, ...changes } = row;
    await this.uniqueName(row.name, () => this.connection.getRepository(Vendor).update({ organizationId, id }, changes));
  }

  private async uniqueName(name: string, write: () => Promise<unknown>): Promise<void> {
    await onUniqueViolation(write, () => new AppException(HttpStatus.CONFLICT, 'vendor_name_taken', { name }, { name }));
  }

  /** Changes of the sub-processor graph queue per organisation, so two of them cannot close a cycle together. */
  private async lockSubProcessorGraph(organizationId: string): Promise<void> {
    await this.connection.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [organizationId, SUB_PROCESSOR_LOCK]);
  }

  /** Whether `to` is `from` or one of its sub-processors, at any depth. */
  private async reaches(organizationId: string, from: string, to: string): Promise<boolean> {
    const rows = await this.connection.manager.query<unknown[]>(
      `WITH RECURSIVE reach(id) AS (
         SELECT $2::uuid
         UNION
         SELECT s.sub_processor_id FROM reach r
         JOIN vendor_sub_processors s ON s.organization_id = $1 AND s.vendor_id = r.id
       )
       SELECT 1 FROM reach WHERE id = $3 LIMIT 1`,
      [organizationId, from, to],
    );
    return rows.length > 0;
  }

  /** Names to vendors; a vendor cannot be its own sub-processor, nor one of a vendor that relies on it. */
  private async resolveSubProcessors(organizationId: string, self: Vendor | null, given: string[], errors: FieldError[]): Promise<VendorName[]> {
    const { vendors, errors: unknown } = await this.links.resolve(organizationId, given, 'subProcessors');
    errors.push(...unknown);
    const accepted: VendorName[] = [];
    for (const vendor of vendors) {
      const index = given.findIndex((name) => name.toLowerCase() === vendor.name.toLowerCase());
      const path = `subProcessors[${index}]`;
      if (self && vendor.id === self.id) errors.push({ path, code: 'subProcessorSelf', args: [vendor.name] });
      else if (self && (await this.reaches(organizationId, vendor.id, self.id))) errors.push({ path, code: 'subProcessorCycle', args: [vendor.name] });
      else accepted.push(vendor);
    }
    return accepted;
  }

  private async subProcessorsOf(organizationId: string, vendorId: string): Promise<VendorName[]> {
    return this.connection.manager.query<VendorName[]>(
      `SELECT v.id, v.name FROM vendor_sub_processors s
       JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
       WHERE s.organization_id = $1 AND s.vendor_id = $2 ORDER BY s.position, lower(v.name)`,
      [organizationId, vendorId],
    );
  }

  private async replaceSubProcessors(row: Vendor, subProcessors: VendorName[]): Promise<void> {
    const manager = this.connection.manager;
    await manager.query('DELETE FROM vendor_sub_processors WHERE organization_id = $1 AND vendor_id = $2', [row.organizationId, row.id]);
    if (subProcessors.length === 0) return;
    await manager.query(
      `INSERT INTO vendor_sub_processors (organization_id, vendor_id, sub_processor_id, position)
       SELECT $1, $2, sub_id, position::int - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS s(sub_id, position)`,
      [row.organizationId, row.id, subProcessors.map((vendor) => vendor.id)],
    );
  }

  /** DPA and TIA documents must be evidence attached to this very vendor. */
  private async documentsOfOther(current: Vendor, input: Pick<CreateVendorDto, 'dpa' | 'tia'>): Promise<FieldError[]> {
    const given = [
      { path: 'dpa.documentId', id: input.dpa?.documentId },
      { path: 'tia.documentId', id: input.tia?.documentId },
    ].filter((entry): entry is { path: string; id: string } => typeof entry.id === 'string');
    if (given.length === 0) return [];
    const rows = await this.connection.manager.query<{ id: string }[]>(
      'SELECT id FROM evidence_documents WHERE organization_id = $1 AND vendor_id = $2 AND id = ANY($3::uuid[])',
      [current.organizationId, current.id, given.map((entry) => entry.id)],
    );
    const attached = new Set(rows.map((row) => row.id));
    return given.filter((entry) => !attached.has(entry.id)).map((entry) => ({ path: entry.path, code: 'unknownDocument', args: [entry.id] }));
  }

  private async activitiesOf(organizationId: string, vendorId: string): Promise<LinkedActivity[]> {
    return this.connection.manager.query<LinkedActivity[]>(
      `SELECT a.id, a.reference, a.name, a.status FROM activity_processors ap
       JOIN processing_activities a ON a.organization_id = ap.organization_id AND a.id = ap.activity_id
       WHERE ap.organization_id = $1 AND ap.vendor_id = $2 ORDER BY a.reference`,
      [organizationId, vendorId],
    );
  }

  private async usedBy(organizationId: string, vendorId: string): Promise<VendorReference[]> {
    return this.connection.manager.query<VendorReference[]>(
      `SELECT v.id, v.name, v.status FROM vendor_sub_processors s
       JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.vendor_id
       WHERE s.organization_id = $1 AND s.sub_processor_id = $2 ORDER BY lower(v.name)`,
      [organizationId, vendorId],
    );
  }

  /** Sub-processors, theirs and so on, depth first in name order; a loop in old data is cut, never followed. */
  private async chain(organizationId: string, vendorId: string, facts: TransferFacts): Promise<ChainNode[]> {
    const rows = await this.connection.manager.query<(Vendor & { parentId: string; depth: number })[]>(
      `WITH RECURSIVE chain(parent_id, id, depth, path, sort_path) AS (
         SELECT s.vendor_id, s.sub_processor_id, 1, ARRAY[s.vendor_id, s.sub_processor_id], ARRAY[lower(v.name)]
         FROM vendor_sub_processors s JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
         WHERE s.organization_id = $1 AND s.vendor_id = $2
         UNION ALL
         SELECT s.vendor_id, s.sub_processor_id, c.depth + 1, c.path || s.sub_processor_id, c.sort_path || lower(v.name)
         FROM chain c
         JOIN vendor_sub_processors s ON s.organization_id = $1 AND s.vendor_id = c.id
         JOIN vendors v ON v.organization_id = s.organization_id AND v.id = s.sub_processor_id
         WHERE NOT s.sub_processor_id = ANY(c.path) AND c.depth < ${MAX_CHAIN_DEPTH}
       )
       SELECT ${VENDOR_COLUMNS}, c.parent_id AS "parentId", c.depth
       FROM chain c JOIN vendors v ON v.organization_id = $1 AND v.id = c.id
       ORDER BY c.sort_path`,
      [organizationId, vendorId],
    );
    return rows.map((row) => {
      const assessment = assessVendor(transferInputOf(row), facts);
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        role: row.role,
        parentId: row.parentId,
        depth: row.depth,
        exposed: assessment.exposed,
        needsMechanism: assessment.needsMechanism,
      };
    });
  }

  private async detail(row: Vendor): Promise<VendorDetail> {
    const { organizationId, id } = row;
    const facts = await this.transferFacts.facts();
    const manager = this.connection.manager;
    const subProcessors = await this.subProcessorsOf(organizationId, id);
    const chain = await this.chain(organizationId, id, facts);
    const usedBy = await this.usedBy(organizationId, id);
    const activities = await this.activitiesOf(organizationId, id);
    const lastReview = await manager.getRepository(VendorReview).findOne({ where: { organizationId, vendorId: id }, order: { reviewedAt: 'DESC', id: 'ASC' } });
    const today = await this.today();
    return {
      id,
      ...toVendorSnapshot(row, names(subProcessors)),
      version: row.version,
      assessment: assessVendor(transferInputOf(row), facts),
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

  /** Writes version `row.version` (full snapshot) and the audit event, in the request's transaction. */
  private async recordVersion(row: Vendor, action: string, comment: string | null, before: VendorSnapshot | null, subProcessors: VendorName[]): Promise<void> {
    const snapshot = toVendorSnapshot(row, names(subProcessors));
    const context = this.connection.context;
    const versions = this.connection.getRepository(VendorVersion);
    await versions.insert(
      versions.create({
        organizationId: row.organizationId,
        vendorId: row.id,
        number: row.version,
        action,
        snapshot,
        authorId: context.userId ?? null,
        authorName: context.actorName ?? null,
        comment,
        createdAt: row.updatedAt,
      }),
    );
    await this.audit.record({
      action,
      entityType: 'Vendor',
      entityId: row.id,
      entityLabel: row.name,
      before: before ? flattenFields(before as unknown as Record<string, unknown>) : null,
      after: flattenFields(snapshot as unknown as Record<string, unknown>),
    });
  }
}

const names = (vendors: VendorName[]) => vendors.map((vendor) => vendor.name);

function toReviewDetail(review: VendorReview): ReviewDetail {
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

function toAnswers(input: ReviewVendorDto['answers']): ReviewAnswers {
  const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
  return {
    certifications: input.certifications ? [...new Set(input.certifications)] : null,
    certificationsVerified: orNull(input.certificationsVerified),
    dataLocations: input.dataLocations ? [...new Set(input.dataLocations)] : null,
    subProcessorsListed: orNull(input.subProcessorsListed),
    subProcessorChangeNotice: orNull(input.subProcessorChangeNotice),
    breachNotificationCommitment: orNull(input.breachNotificationCommitment),
    breachNotificationDelayHours: orNull(input.breachNotificationDelayHours),
    endOfContract: orNull(input.endOfContract),
    auditRights: orNull(input.auditRights),
    securityMeasures: orNull(input.securityMeasures),
  };
}

/** The record after applying `input` to `base` (or to the defaults when creating). */
function buildVendor(organizationId: string, input: Partial<CreateVendorDto>, base: Vendor | null, now: Date): Vendor {
  const keep = <K extends keyof Vendor>(key: K, given: Vendor[K] | undefined, fallback: Vendor[K]): Vendor[K] => (given !== undefined ? given : base ? base[key] : fallback);
  const dpa = input.dpa;
  const tia = input.tia;
  return {
    organizationId,
    id: base?.id ?? randomUUID(),
    name: input.name ?? base?.name ?? '',
    legalEntity: keep('legalEntity', input.legalEntity, null),
    service: keep('service', input.service, null),
    role: keep('role', input.role, 'processor'),
    headquartersCountry: keep('headquartersCountry', input.headquartersCountry, null),
    parentCompany: keep('parentCompany', input.parentCompany, null),
    parentCountry: keep('parentCountry', input.parentCountry, null),
    dataLocations: keep('dataLocations', input.dataLocations ? [...new Set(input.dataLocations)] : undefined, []),
    certifications: keep('certifications', input.certifications ? [...new Set(input.certifications)] : undefined, []),
    dpaSigned: dpa ? dpa.signed : (base?.dpaSigned ?? false),
    dpaSignedOn: dpa ? (dpa.signedOn ?? null) : (base?.dpaSignedOn ?? null),
    dpaDocumentId: dpa ? (dpa.documentId ?? null) : (base?.dpaDocumentId ?? null),
    transferMechanism: keep('transferMechanism', input.transferMechanism, null),
    tiaDate: tia ? (tia.date ?? null) : (base?.tiaDate ?? null),
    tiaConclusion: tia ? (tia.conclusion ?? null) : (base?.tiaConclusion ?? null),
    tiaDocumentId: tia ? (tia.documentId ?? null) : (base?.tiaDocumentId ?? null),
    status: base ? base.status : (input.status ?? 'under_review'),
    nextReviewDate: keep('nextReviewDate', input.nextReviewDate, null),
    notes: keep('notes', input.notes, null),
    version: base?.version ?? 1,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

/** A vendor proposed by another part of Registre, with what its team said of it (a design grid). */
export interface VendorProposal {
  name: string;
  /** Where it is and processes the data (the grid asks one country). */
  country: string | null;
  mechanism: string | null;
}

/**
 * The team's country becomes the headquarters and the data location, its mechanism the vendor's:
 * the DPO reviews a vendor that already says what the activity's transfer says. Codes the catalogues
 * do not know are left out rather than refusing the proposal.
 */
function proposalInput(proposal: VendorProposal, facts: TransferFacts): Partial<CreateVendorDto> {
  const country = proposal.country && facts.countries.has(proposal.country) ? proposal.country : null;
  const mechanism = proposal.mechanism && facts.mechanisms.has(proposal.mechanism) ? proposal.mechanism : null;
  return { name: proposal.name, headquartersCountry: country, dataLocations: country ? [country] : [], transferMechanism: mechanism };
}

/** Country and mechanism codes must exist in the shipped catalogues (both are closed). */
function checkCodes(input: Partial<CreateVendorDto>, facts: TransferFacts): FieldError[] {
  const errors: FieldError[] = [];
  const country = (path: string, code: string | null | undefined) => {
    if (code && !facts.countries.has(code)) errors.push({ path, code: 'catalogueCode', args: [code, 'countries'] });
  };
  country('headquartersCountry', input.headquartersCountry);
  country('parentCountry', input.parentCountry);
  input.dataLocations?.forEach((code, i) => country(`dataLocations[${i}]`, code));
  if (input.transferMechanism && !facts.mechanisms.has(input.transferMechanism)) {
    errors.push({ path: 'transferMechanism', code: 'catalogueCode', args: [input.transferMechanism, 'transfer-mechanisms'] });
  }
  return errors;
}

/** A vendor being created has no documents yet: a DPA or TIA document is attached afterwards. */
function documentsNotAttached(input: Pick<CreateVendorDto, 'dpa' | 'tia'>): FieldError[] {
  return [
    { path: 'dpa.documentId', id: input.dpa?.documentId },
    { path: 'tia.documentId', id: input.tia?.documentId },
  ]
    .filter((entry): entry is { path: string; id: string } => typeof entry.id === 'string')
    .map((entry) => ({ path: entry.path, code: 'unknownDocument', args: [entry.id] }));
}

function assertApprovable(row: Vendor, facts: TransferFacts): void {
  const concerns = blockingConcerns(row, assessVendor(transferInputOf(row), facts));
  if (concerns.length) throw new VendorCannotApproveException(concerns);
}

/** The blocking concerns of an imported approved vendor, as field errors of its item. */
function approvalFieldErrors(row: Vendor, facts: TransferFacts): FieldError[] {
  return blockingConcerns(row, assessVendor(transferInputOf(row), facts)).map((concern) =>
    concern.code === 'dpa_missing'
      ? { path: 'dpa.signed', code: 'dpaRequiredToApprove', args: [] }
      : { path: 'transferMechanism', code: 'mechanismRequiredToApprove', args: [concern.params.countries ?? ''] },
  );
}
