import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf, PageQuery } from '../common/http/pagination';
import { FieldError, FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { assessVendor } from '../domain/transfers/transfer-status';
import { ReviewVendorDto } from './dto/vendor.dto';
import { Vendor, VendorReview } from './vendor.entity';
import { VendorCannotApproveException } from './vendor-errors';
import { toVendorSnapshot, transferInputOf } from './vendor-record';
import { reviewConcerns } from './vendor-review';
import type { ReviewAnswers } from '../domain/vendors/vendor.types';
import { names, VendorAccess } from './vendor-access';
import { VendorGraph } from './vendor-graph.service';
import { LinkedActivity } from './vendor-links.service';
import { ReviewDetail, toReviewDetail, VendorDetail, VendorQueries } from './vendor-queries.service';
import { VendorStore } from './vendor-store.service';

export type TerminatedVendor = VendorDetail & { activitiesStillUsing: LinkedActivity[] };

/** The DPO's side of a vendor: review questionnaires and their history, and termination. */
@Injectable()
export class VendorReviews {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly transferFacts: TransferFactsService,
    private readonly store: VendorStore,
    private readonly queries: VendorQueries,
    private readonly graph: VendorGraph,
  ) {}

  /** The review history, newest first. */
  async reviews(organizationId: string, vendorId: string, query: PageQuery): Promise<Page<ReviewDetail>> {
    await this.queries.find(organizationId, vendorId);
    const [rows, total] = await this.connection.getRepository(VendorReview).findAndCount({
      where: { organizationId, vendorId },
      order: { reviewedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(toReviewDetail), total, query);
  }

  /**
   * Records a review questionnaire (answers, concerns, reviewer, date) and sets the status it
   * concludes. Approving is refused while a blocking concern stands (no DPA, a transfer without mechanism).
   */
  async review(access: VendorAccess, vendorId: string, expected: number, input: Omit<ReviewVendorDto, 'version'>): Promise<VendorDetail> {
    const { organizationId } = access;
    const current = await this.store.open(access, 'validate', vendorId, expected);
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

    const subProcessors = await this.graph.subProcessorsOf(organizationId, vendorId);
    const before = toVendorSnapshot(current, names(subProcessors));
    const now = await this.store.now();
    const next: Vendor = {
      ...current,
      status: input.result,
      nextReviewDate: input.nextReviewDate !== undefined ? input.nextReviewDate : current.nextReviewDate,
      version: current.version + 1,
      updatedAt: now,
    };
    await this.store.save(next);
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
    await this.store.recordVersion(next, 'review', input.comment ?? null, before, subProcessors);
    return this.queries.detail(next);
  }

  /** Ends the relationship; the answer lists every activity (not archived) still using the vendor. */
  async terminate(access: VendorAccess, vendorId: string, expected: number, comment: string | null): Promise<TerminatedVendor> {
    const { organizationId } = access;
    const current = await this.store.open(access, 'validate', vendorId, expected);
    if (current.status === 'terminated') {
      throw new AppException(
        HttpStatus.CONFLICT,
        'invalid_transition',
        { status: current.status, transition: 'terminate', allowedFrom: ['under_review', 'approved', 'restricted'] },
        { status: current.status },
      );
    }
    const subProcessors = await this.graph.subProcessorsOf(organizationId, vendorId);
    const before = toVendorSnapshot(current, names(subProcessors));
    const next: Vendor = { ...current, status: 'terminated', version: current.version + 1, updatedAt: await this.store.now() };
    await this.store.save(next);
    await this.store.recordVersion(next, 'terminate', comment, before, subProcessors);
    const detail = await this.queries.detail(next);
    return { ...detail, activitiesStillUsing: detail.activities.filter((activity) => activity.status !== 'archived') };
  }
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