import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@casl/ability';
import { canonicalJson, flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { FieldError, FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { VersionedRecords } from '../common/versioned-record/versioned-records';
import { DocumentStorage } from '../evidence/document-storage';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { CreateVendorDto, UpdateVendorDto } from './dto/vendor.dto';
import { Vendor } from './vendor.entity';
import { VendorLinksService } from './vendor-links.service';
import { toVendorSnapshot } from './vendor-record';
import { asSubject, names, VendorAccess } from './vendor-access';
import { assertApprovable, buildVendor, checkCodes, documentsNotAttached } from './vendor-input';
import { VendorGraph } from './vendor-graph.service';
import { VendorDetail, VendorQueries } from './vendor-queries.service';
import { VendorStore } from './vendor-store.service';

/** Creating, editing and deleting vendors (reviews, the graph, the import and the reading have their own services). */
@Injectable()
export class VendorsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly records: VersionedRecords,
    private readonly transferFacts: TransferFactsService,
    private readonly storage: DocumentStorage,
    private readonly store: VendorStore,
    private readonly queries: VendorQueries,
    private readonly graph: VendorGraph,
    private readonly links: VendorLinksService,
  ) {}

  /** A contributor proposes (under_review); the DPO or an admin may record any status (approved needs a DPA and covered transfers). */
  async create(access: VendorAccess, input: CreateVendorDto): Promise<VendorDetail> {
    const { organizationId } = access;
    const facts = await this.transferFacts.facts();
    const errors = checkCodes(input, facts);
    errors.push(...documentsNotAttached(input));
    await this.graph.lock(organizationId);
    const subProcessors = input.subProcessors ? await this.graph.resolve(organizationId, null, input.subProcessors, errors) : [];
    if (errors.length) throw new FieldValidationException(errors);

    const now = await this.store.now();
    const row = buildVendor(organizationId, input, null, now);
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    if (row.status === 'approved') assertApprovable(row, facts);
    await this.store.insert(row);
    await this.graph.replace(row, subProcessors);
    await this.store.recordVersion(row, 'create', null, null, subProcessors);
    if (row.status === 'under_review') await this.store.notifyProposed(row);
    return this.queries.detail(row);
  }

  /** Top-level fields given replace the stored ones; the status changes through review and terminate only. */
  async update(access: VendorAccess, vendorId: string, expected: number, input: Omit<UpdateVendorDto, 'version'>): Promise<VendorDetail> {
    const { organizationId } = access;
    // The graph lock first, then the row: every writer of the graph takes them in this order.
    if (input.subProcessors !== undefined) await this.graph.lock(organizationId);
    const current = await this.store.open(access, 'update', vendorId, expected);

    const facts = await this.transferFacts.facts();
    const errors = checkCodes(input, facts);
    if (input.status !== undefined && input.status !== current.status) errors.push({ path: 'status', code: 'statusViaReview', args: [] });
    errors.push(...(await this.documentsOfOther(current, input)));
    const currentSubs = await this.graph.subProcessorsOf(organizationId, vendorId);
    let subProcessors = currentSubs;
    if (input.subProcessors !== undefined) subProcessors = await this.graph.resolve(organizationId, current, input.subProcessors, errors);
    if (errors.length) throw new FieldValidationException(errors);

    const next = buildVendor(organizationId, input, current, current.updatedAt);
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(next));
    // An approved vendor keeps what approval needs: restrict it (review) before removing its DPA.
    if (next.status === 'approved') assertApprovable(next, facts);

    const before = toVendorSnapshot(current, names(currentSubs));
    const after = toVendorSnapshot(next, names(subProcessors));
    if (canonicalJson(before) === canonicalJson(after)) return this.queries.detail(current);

    next.version = current.version + 1;
    next.updatedAt = await this.store.now();
    await this.store.save(next);
    if (input.subProcessors !== undefined) await this.graph.replace(next, subProcessors);
    await this.store.recordVersion(next, 'update', input.comment ?? null, before, subProcessors);
    return this.queries.detail(next);
  }

  /** Refused while activities or other vendors rely on it: terminate it instead, which keeps the trail. */
  async remove(access: VendorAccess, vendorId: string): Promise<void> {
    const { organizationId } = access;
    // Nobody may make it a sub-processor (graph lock) or link an activity to it (row lock) meanwhile.
    await this.graph.lock(organizationId);
    const current = await this.store.lock('UPDATE', organizationId, vendorId);
    ForbiddenError.from(access.ability).throwUnlessCan('delete', asSubject(current));
    const activities = await this.links.activitiesOf(organizationId, vendorId);
    const usedBy = await this.graph.usedBy(organizationId, vendorId);
    if (activities.length || usedBy.length) {
      throw new AppException(HttpStatus.CONFLICT, 'vendor_in_use', { activities, vendors: usedBy }, { activities: activities.length, vendors: usedBy.length });
    }
    const before = toVendorSnapshot(current, names(await this.graph.subProcessorsOf(organizationId, vendorId)));
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
    await this.records.record({ action: 'delete', entityType: 'Vendor', entityId: vendorId, entityLabel: current.name, before: flattenFields(before as unknown as Record<string, unknown>) });
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
}
