import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ForbiddenError, subject } from '@casl/ability';
import { unknownCatalogueCodes, type CodeReference } from '../catalogues/activity-catalogues';
import { AuditService } from '../audit/audit.service';
import type { OrganizationAccess } from '../authorization/request-auth';
import { assertVersion } from '../common/concurrency/expected-version';
import { flattenFields } from '../common/diff/field-diff';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf } from '../common/http/pagination';
import { FieldValidationException } from '../common/http/validation';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import type { Locale } from '../common/i18n/i18n';
import { breachNotificationDueAt, DEFAULT_TIME_ZONE } from '../domain/deadlines/legal-deadlines';
import { BreachException } from './breach-errors';
import { lateWithoutReasons, notificationState } from '../domain/breaches/breach-rules';
import { Breach } from './breach.entity';
import { breachReference, BreachDetail, BreachSummary } from '../domain/breaches/breach.types';
import type { CreateBreachDto, ListBreachesQuery, UpdateBreachDto } from './dto/breach.dto';
import { notificationSummary, type NotificationSummary } from './notification-summary';
import { ActivityDirectory } from '../activities/directory/activity-directory';

type BreachAccess = Pick<OrganizationAccess, 'organizationId' | 'ability'>;
type Links = { activityIds: string[]; vendorIds: string[] };

const asSubject = (row: Pick<Breach, 'organizationId' | 'recordedBy'>) => subject('Breach', { organizationId: row.organizationId, recordedById: row.recordedBy });
const instant = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);
const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

@Injectable()
export class BreachesService {
  constructor(
    private readonly activities: ActivityDirectory,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  // ——— reading ———

  async list(access: BreachAccess, query: ListBreachesQuery): Promise<Page<BreachSummary>> {
    const qb = this.connection.getRepository(Breach).createQueryBuilder('b').where('b.organization_id = :organizationId', { organizationId: access.organizationId });
    // A contributor reads only the breaches they recorded: the rule's condition, as SQL.
    if (!this.readsAll(access)) qb.andWhere('b.recorded_by = :userId', { userId: this.connection.context.userId ?? null });
    if (query.risk === 'not_assessed') qb.andWhere('b.risk IS NULL');
    else if (query.risk) qb.andWhere('b.risk = :risk', { risk: query.risk });
    const [rows, total] = await qb
      .orderBy('b.aware_at', 'DESC')
      .addOrderBy('b.number', 'DESC')
      .take(query.pageSize)
      .skip((query.page - 1) * query.pageSize)
      .getManyAndCount();
    const now = await this.now();
    return pageOf(
      rows.map((row) => this.summary(row, now)),
      total,
      query,
    );
  }

  async get(access: BreachAccess, id: string): Promise<BreachDetail> {
    const row = await this.connection.getRepository(Breach).findOneBy({ organizationId: access.organizationId, id });
    if (!row || !access.ability.can('read', asSubject(row))) throw AppException.notFound();
    return this.detail(row, await this.links(row));
  }

  /** The breach in the sections of the CNIL's notification form, in `locale`, ready to copy. */
  async notificationSummary(access: BreachAccess, id: string, locale: Locale): Promise<NotificationSummary> {
    const breach = await this.get(access, id);
    const manager = this.connection.manager;
    const [[organization], labels, activities, vendors] = await Promise.all([
      manager.query<{ name: string; dpoName: string | null; dpoEmail: string | null; dpoPhone: string | null }[]>(
        'SELECT coalesce(legal_name, name) AS name, dpo_name AS "dpoName", dpo_email AS "dpoEmail", dpo_phone AS "dpoPhone" FROM organizations WHERE id = $1',
        [access.organizationId],
      ),
      manager.query<{ catalogue: string; code: string; label: string }[]>(
        `SELECT catalogue, code, ${locale === 'fr' ? 'label_fr' : 'label_en'} AS label FROM catalogue_entries WHERE catalogue IN ('data-categories', 'data-subject-categories')
         UNION ALL
         SELECT catalogue, code, ${locale === 'fr' ? 'label_fr' : 'label_en'} FROM organization_catalogue_entries
         WHERE organization_id = $1 AND catalogue IN ('data-categories', 'data-subject-categories')`,
        [access.organizationId],
      ),
      this.activities.labels(access.organizationId, breach.activityIds),
      manager.query<{ label: string }[]>('SELECT name AS label FROM vendors WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY lower(name)', [
        access.organizationId,
        breach.vendorIds,
      ]),
    ]);
    const byCode = new Map(labels.map((row) => [`${row.catalogue}:${row.code}`, row.label]));
    return notificationSummary(breach, {
      locale,
      timeZone: DEFAULT_TIME_ZONE,
      organization,
      label: (catalogue, code) => byCode.get(`${catalogue}:${code}`) ?? code,
      activities,
      vendors: vendors.map((row) => row.label),
    });
  }

  // ——— writing ———

  async create(access: BreachAccess, input: CreateBreachDto): Promise<BreachDetail> {
    const { organizationId } = access;
    const now = await this.now();
    const row: Breach = {
      organizationId,
      id: randomUUID(),
      number: 0,
      summary: input.summary,
      awareAt: new Date(input.awareAt),
      occurredAt: null,
      discovery: null,
      natures: [],
      dataCategories: [],
      subjectCategories: [],
      approxPersons: null,
      approxRecords: null,
      processorNotifiedAt: null,
      consequences: null,
      measuresTaken: null,
      measuresProposed: null,
      risk: null,
      riskRationale: null,
      riskSensitiveData: false,
      riskIdentifiability: null,
      riskSeverity: null,
      riskVulnerablePersons: false,
      riskControllerCharacteristics: null,
      authorityNotifiedAt: null,
      authorityReference: null,
      authorityPhased: false,
      authorityDelayReasons: null,
      personsCommunicatedAt: null,
      personsCommunicationException: null,
      personsCommunicationDetails: null,
      timeline: [],
      recordedBy: this.connection.context.userId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    ForbiddenError.from(access.ability).throwUnlessCan('create', asSubject(row));
    const links = this.apply(row, input, { activityIds: [], vendorIds: [] });
    await this.check(row, links, now);
    row.number = await this.nextNumber(organizationId);
    await this.connection.getRepository(Breach).insert(row);
    await this.link(row, links, { activityIds: [], vendorIds: [] });
    await this.record(row, links, 'create', null, null);
    return this.detail(row, links);
  }

  async update(access: BreachAccess, id: string, expected: number, input: Omit<UpdateBreachDto, 'version'>): Promise<BreachDetail> {
    const current = await this.connection.getRepository(Breach).findOne({ where: { organizationId: access.organizationId, id }, lock: { mode: 'pessimistic_write' } });
    if (!current || !access.ability.can('read', asSubject(current))) throw AppException.notFound();
    ForbiddenError.from(access.ability).throwUnlessCan('update', asSubject(current));
    assertVersion(current.version, expected);
    const before = await this.links(current);
    const next: Breach = { ...current, natures: [...current.natures], dataCategories: [...current.dataCategories], subjectCategories: [...current.subjectCategories] };
    if (input.summary !== undefined) next.summary = input.summary;
    if (input.awareAt !== undefined) next.awareAt = new Date(input.awareAt);
    const links = this.apply(next, input, before);
    const now = await this.now();
    await this.check(next, links, now);
    next.version = current.version + 1;
    next.updatedAt = now;
    const { organizationId, id: _id, ...changes } = next;
    await this.connection.getRepository(Breach).update({ organizationId, id }, changes);
    await this.link(next, links, before);
    await this.record(next, links, 'update', current, before);
    return this.detail(next, links);
  }

  // ——— helpers ———

  /** Copies the fields given onto the row (nested sections are replaced whole); returns the links. */
  private apply(row: Breach, input: Omit<UpdateBreachDto, 'version' | 'summary' | 'awareAt'>, links: Links): Links {
    if (input.occurredAt !== undefined) row.occurredAt = instant(input.occurredAt);
    if (input.discovery !== undefined) row.discovery = input.discovery;
    if (input.natures !== undefined) row.natures = [...input.natures];
    if (input.dataCategories !== undefined) row.dataCategories = [...input.dataCategories];
    if (input.subjectCategories !== undefined) row.subjectCategories = [...input.subjectCategories];
    if (input.approxPersons !== undefined) row.approxPersons = input.approxPersons;
    if (input.approxRecords !== undefined) row.approxRecords = input.approxRecords;
    if (input.processorNotifiedAt !== undefined) row.processorNotifiedAt = instant(input.processorNotifiedAt);
    if (input.consequences !== undefined) row.consequences = input.consequences;
    if (input.measuresTaken !== undefined) row.measuresTaken = input.measuresTaken;
    if (input.measuresProposed !== undefined) row.measuresProposed = input.measuresProposed;
    if (input.risk !== undefined) row.risk = input.risk;
    if (input.riskRationale !== undefined) row.riskRationale = input.riskRationale;
    if (input.riskFactors) {
      const factors = input.riskFactors;
      row.riskSensitiveData = factors.sensitiveData;
      row.riskIdentifiability = factors.identifiability ?? null;
      row.riskSeverity = factors.severity ?? null;
      row.riskVulnerablePersons = factors.vulnerablePersons;
      row.riskControllerCharacteristics = factors.controllerCharacteristics ?? null;
    }
    if (input.authorityNotification) {
      const notification = input.authorityNotification;
      row.authorityNotifiedAt = instant(notification.notifiedAt);
      row.authorityReference = notification.reference ?? null;
      row.authorityPhased = notification.phased;
      row.authorityDelayReasons = notification.delayReasons ?? null;
    }
    if (input.personsCommunication) {
      const communication = input.personsCommunication;
      row.personsCommunicatedAt = instant(communication.communicatedAt);
      row.personsCommunicationException = communication.exception ?? null;
      row.personsCommunicationDetails = communication.details ?? null;
    }
    if (input.timeline !== undefined) {
      row.timeline = input.timeline
        .map((entry) => ({ at: new Date(entry.at).toISOString(), event: entry.event }))
        .sort((a, b) => a.at.localeCompare(b.at));
    }
    return {
      activityIds: input.activityIds !== undefined ? [...new Set(input.activityIds.map((id) => id.toLowerCase()))].sort() : links.activityIds,
      vendorIds: input.vendorIds !== undefined ? [...new Set(input.vendorIds.map((id) => id.toLowerCase()))].sort() : links.vendorIds,
    };
  }

  /** The rules of Art 33–34 a record must keep, then the catalogue codes and the links. */
  private async check(row: Breach, links: Links, now: Date): Promise<void> {
    const unprocessable = (code: ConstructorParameters<typeof BreachException>[1], details: Record<string, unknown>) =>
      new BreachException(HttpStatus.UNPROCESSABLE_ENTITY, code, details);
    const dates: [string, Date | null][] = [
      ['awareAt', row.awareAt],
      ['occurredAt', row.occurredAt],
      ['processorNotifiedAt', row.processorNotifiedAt],
      ['authorityNotification.notifiedAt', row.authorityNotifiedAt],
      ['personsCommunication.communicatedAt', row.personsCommunicatedAt],
    ];
    for (const [field, value] of dates) if (value && value > now) throw unprocessable('breach_date_in_future', { field });
    for (const [field, value] of dates.slice(3)) if (value && value < row.awareAt) throw unprocessable('breach_date_before_awareness', { field });
    if (lateWithoutReasons(row.awareAt, row.authorityNotifiedAt, row.authorityDelayReasons)) {
      throw new BreachException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'breach_notification_late_without_reasons',
        { field: 'authorityNotification.delayReasons', notificationDueAt: breachNotificationDueAt(row.awareAt).toISOString() },
        {},
      );
    }
    if (row.personsCommunicatedAt && row.personsCommunicationException) throw unprocessable('breach_communication_and_exception', { field: 'personsCommunication' });
    const references: CodeReference[] = [
      ...row.dataCategories.map((code, i) => ({ path: `dataCategories[${i}]`, catalogue: 'data-categories', code })),
      ...row.subjectCategories.map((code, i) => ({ path: `subjectCategories[${i}]`, catalogue: 'data-subject-categories', code })),
    ];
    const unknown = await unknownCatalogueCodes(this.connection.manager, row.organizationId, references);
    if (unknown.length) throw new FieldValidationException(unknown);
    const missing = [
      ...(await this.activities.unknownIds(row.organizationId, links.activityIds)).map((id) => ({ field: 'activityIds', id })),
      ...(await this.unknownVendors(row.organizationId, links.vendorIds)).map((id) => ({ field: 'vendorIds', id })),
    ];
    if (missing.length) throw unprocessable('breach_unknown_links', { missing });
  }

  private async unknownVendors(organizationId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.connection.manager.query<{ id: string }[]>('SELECT id FROM vendors WHERE organization_id = $1 AND id = ANY($2::uuid[])', [organizationId, ids]);
    const known = new Set(found.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  private async link(row: Breach, links: Links, before: Links): Promise<void> {
    const manager = this.connection.manager;
    const targets = [
      { table: 'breach_activities', column: 'activity_id', ids: links.activityIds, previous: before.activityIds },
      { table: 'breach_vendors', column: 'vendor_id', ids: links.vendorIds, previous: before.vendorIds },
    ];
    for (const { table, column, ids, previous } of targets) {
      if (ids.join() === previous.join()) continue;
      await manager.query(`DELETE FROM ${table} WHERE organization_id = $1 AND breach_id = $2`, [row.organizationId, row.id]);
      if (ids.length) await manager.query(`INSERT INTO ${table} (organization_id, breach_id, ${column}) SELECT $1, $2, unnest($3::uuid[])`, [row.organizationId, row.id, ids]);
    }
  }

  private async links(row: Pick<Breach, 'organizationId' | 'id'>): Promise<Links> {
    const [result] = await this.connection.manager.query<{ activity_ids: string[]; vendor_ids: string[] }[]>(
      `SELECT ARRAY(SELECT activity_id::text FROM breach_activities WHERE organization_id = $1 AND breach_id = $2 ORDER BY activity_id) AS activity_ids,
              ARRAY(SELECT vendor_id::text FROM breach_vendors WHERE organization_id = $1 AND breach_id = $2 ORDER BY vendor_id) AS vendor_ids`,
      [row.organizationId, row.id],
    );
    return { activityIds: result.activity_ids, vendorIds: result.vendor_ids };
  }

  private readsAll(access: BreachAccess): boolean {
    return access.ability.can('read', subject('Breach', { organizationId: access.organizationId, recordedById: null }));
  }

  /** V-0001, V-0002…: numbered one at a time per organisation. */
  private async nextNumber(organizationId: string): Promise<number> {
    await this.connection.manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':breaches', 0))", [organizationId]);
    const [{ next }] = await this.connection.manager.query<{ next: number }[]>('SELECT coalesce(max(number), 0) + 1 AS next FROM breaches WHERE organization_id = $1', [organizationId]);
    return next;
  }

  /** The audit event, in the request's transaction: every field that changed, before → after. */
  private async record(row: Breach, links: Links, action: string, before: Breach | null, beforeLinks: Links | null): Promise<void> {
    await this.audit.record({
      action: `breach_${action}`,
      entityType: 'Breach',
      entityId: row.id,
      entityLabel: breachReference(row.number),
      before: before && beforeLinks ? this.fields(before, beforeLinks) : null,
      after: this.fields(row, links),
    });
  }

  private fields(row: Breach, links: Links): Record<string, unknown> {
    const detail = this.content(row, links);
    return flattenFields({ ...detail });
  }

  private now(): Promise<Date> {
    return this.connection.manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now').then(([{ now }]) => now);
  }

  private summary(row: Breach, now: Date): BreachSummary {
    return {
      id: row.id,
      reference: breachReference(row.number),
      summary: row.summary,
      awareAt: row.awareAt.toISOString(),
      natures: row.natures,
      risk: row.risk,
      notificationDueAt: breachNotificationDueAt(row.awareAt).toISOString(),
      notificationState: notificationState(row, now),
      authorityNotifiedAt: iso(row.authorityNotifiedAt),
      personsCommunicatedAt: iso(row.personsCommunicatedAt),
      recordedBy: row.recordedBy,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The recorded facts (what the audit trail compares). */
  private content(row: Breach, links: Links) {
    return {
      summary: row.summary,
      awareAt: row.awareAt.toISOString(),
      occurredAt: iso(row.occurredAt),
      discovery: row.discovery,
      natures: row.natures,
      dataCategories: row.dataCategories,
      subjectCategories: row.subjectCategories,
      approxPersons: row.approxPersons,
      approxRecords: row.approxRecords === null ? null : Number(row.approxRecords),
      activityIds: links.activityIds,
      vendorIds: links.vendorIds,
      processorNotifiedAt: iso(row.processorNotifiedAt),
      consequences: row.consequences,
      measuresTaken: row.measuresTaken,
      measuresProposed: row.measuresProposed,
      risk: row.risk,
      riskRationale: row.riskRationale,
      riskFactors: {
        sensitiveData: row.riskSensitiveData,
        identifiability: row.riskIdentifiability,
        severity: row.riskSeverity,
        vulnerablePersons: row.riskVulnerablePersons,
        controllerCharacteristics: row.riskControllerCharacteristics,
      },
      authorityNotification: {
        notifiedAt: iso(row.authorityNotifiedAt),
        reference: row.authorityReference,
        phased: row.authorityPhased,
        delayReasons: row.authorityDelayReasons,
      },
      personsCommunication: {
        communicatedAt: iso(row.personsCommunicatedAt),
        exception: row.personsCommunicationException,
        details: row.personsCommunicationDetails,
      },
      timeline: row.timeline,
    };
  }

  private async detail(row: Breach, links: Links): Promise<BreachDetail> {
    return { ...this.summary(row, await this.now()), ...this.content(row, links), createdAt: row.createdAt.toISOString() };
  }
}
