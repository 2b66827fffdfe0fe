import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ActivityCatalogues } from '../catalogues/activity-catalogues';
import { onUniqueViolation } from '../common/errors/database-errors';
import { AppException } from '../common/errors/app-exception';
import type { Locale } from '../common/i18n/i18n';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { completenessOf } from '../domain/activities/activity-rules';
import { CONTENT_KEYS, type ActivityContent, type ActivityRole } from '../domain/activities/activity.types';
import { templateDraft } from '../domain/activities/templates/activity-template';
import { ACTIVITY_TEMPLATES, findTemplate } from '../domain/activities/templates/templates';
import { ActivityAccess } from './activity-access';
import { ActivityEditing } from './activity-editing.service';
import { ActivityQueries } from './activity-queries.service';
import type { ActivityTemplateView, CreateFromTemplateDto, SaveAsTemplateDto } from './dto/activity-template.dto';
import type { CreateActivityDto } from './dto/activity.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OwnTemplateRow {
  id: string;
  name: string;
  description: string | null;
  role: ActivityRole;
  content: ActivityContent;
  source_reference: string | null;
}

/**
 * Starting a draft from a template: a shipped one (in the caller's language) or one the organisation
 * saved from its own activities (table `activity_templates`, its id is its code). Either goes through
 * the register's create path (validation of codes, CASL `create Activity`, reference, version and
 * audit event in the request's transaction), like a draft typed by hand.
 */
@Injectable()
export class ActivityTemplates {
  constructor(
    private readonly editing: ActivityEditing,
    private readonly queries: ActivityQueries,
    private readonly catalogues: ActivityCatalogues,
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** The organisation's own templates first (by name), then the shipped ones. */
  async list(organizationId: string, locale: Locale): Promise<ActivityTemplateView[]> {
    const rows = await this.connection.manager.query<OwnTemplateRow[]>(
      `SELECT id, name, description, role, content, source_reference FROM activity_templates
       WHERE organization_id = $1 ORDER BY lower(name), id`,
      [organizationId],
    );
    const own = await Promise.all(rows.map((row) => this.ownView(row)));
    return [...own, ...this.builtIn(locale)];
  }

  /**
   * Saves an activity's content under a name. Only the content travels: owner, department, status and
   * review date belong to each draft made from it.
   */
  async save(organizationId: string, body: SaveAsTemplateDto): Promise<ActivityTemplateView> {
    const activity = await this.queries.find(organizationId, body.activityId);
    const content = Object.fromEntries(CONTENT_KEYS.map((key) => [key, activity.document[key]])) as unknown as ActivityContent;
    const [row] = await onUniqueViolation(
      () =>
        this.connection.manager.query<OwnTemplateRow[]>(
          `INSERT INTO activity_templates (organization_id, name, description, role, content, source_reference, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id, name, description, role, content, source_reference`,
          [organizationId, body.name, body.description ?? activity.description, activity.role, JSON.stringify(content), activity.reference, this.connection.context.userId ?? null],
        ),
      () => new AppException(HttpStatus.CONFLICT, 'template_name_taken', { name: body.name }),
    );
    await this.audit.record({ action: 'create', entityType: 'ActivityTemplate', entityId: row.id, entityLabel: row.name, after: auditFields(row) });
    return this.ownView(row);
  }

  /** Drafts made from it stay: they are activities of their own. */
  async remove(organizationId: string, templateId: string): Promise<void> {
    const [row] = await this.connection.manager.query<OwnTemplateRow[]>(
      // A CTE so the driver answers rows (a bare DELETE … RETURNING answers [rows, count]).
      `WITH gone AS (DELETE FROM activity_templates WHERE organization_id = $1 AND id = $2
                     RETURNING id, name, description, role, content, source_reference)
       SELECT * FROM gone`,
      [organizationId, templateId],
    );
    if (!row) throw AppException.notFound();
    await this.audit.record({ action: 'delete', entityType: 'ActivityTemplate', entityId: row.id, entityLabel: row.name, before: auditFields(row) });
  }

  async createFrom(access: ActivityAccess, body: CreateFromTemplateDto, locale: Locale) {
    if (UUID.test(body.template)) {
      const own = await this.findOwn(access.organizationId, body.template);
      const draft = { name: body.name ?? own.name, description: own.description, role: own.role, ...own.content } as CreateActivityDto;
      return this.editing.create(access, draft);
    }
    const template = findTemplate(body.template);
    if (!template) throw unknownTemplate(body.template);
    return this.editing.create(access, templateDraft(template, locale, body.name));
  }

  private async findOwn(organizationId: string, templateId: string): Promise<OwnTemplateRow> {
    const [row] = await this.connection.manager.query<OwnTemplateRow[]>(
      'SELECT id, name, description, role, content, source_reference FROM activity_templates WHERE organization_id = $1 AND id = $2',
      [organizationId, templateId],
    );
    if (!row) throw unknownTemplate(templateId);
    return row;
  }

  private async ownView(row: OwnTemplateRow): Promise<ActivityTemplateView> {
    const { content } = row;
    const facts = await this.catalogues.facts();
    return {
      code: row.id,
      organizationTemplate: true,
      sourceReference: row.source_reference,
      name: row.name,
      description: row.description ?? '',
      publicBody: false,
      purposes: content.purposes.map(({ description, main, legalBasis, legalReference }) => ({ description, main, legalBasis, legalReference: legalReference ?? null })),
      dataSubjects: content.dataSubjects.map((subject) => subject.category),
      dataCategories: content.dataCategories.map((category) => ({ category: category.category, description: category.description ?? '', retentionReference: null })),
      recipients: content.recipients.map((recipient) => recipient.category),
      securityMeasures: [...content.securityMeasures],
      // What the register still asks of a draft made from it: the same rules as for the activity.
      leftToOrganization: completenessOf({ ...content, role: row.role }, facts).missing,
    };
  }

  private builtIn(locale: Locale): ActivityTemplateView[] {
    return ACTIVITY_TEMPLATES.map((template) => {
      const draft = templateDraft(template, locale);
      return {
        code: template.code,
        organizationTemplate: false,
        sourceReference: null,
        name: draft.name,
        description: draft.description,
        publicBody: template.publicBody,
        purposes: draft.purposes.map(({ description, main, legalBasis, legalReference }) => ({ description, main, legalBasis, legalReference })),
        dataSubjects: draft.dataSubjects.map((subject) => subject.category),
        dataCategories: template.dataCategories.map((category, index) => ({
          category: category.category,
          description: draft.dataCategories[index].description,
          retentionReference: typeof category.retention === 'string' ? category.retention : null,
        })),
        recipients: template.recipients.map((recipient) => recipient.category),
        securityMeasures: [...template.securityMeasures],
        leftToOrganization: [...template.leftToOrganization],
      };
    });
  }
}

function unknownTemplate(template: string): AppException {
  return new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'template_unknown', { template });
}

/** What the audit trail shows of a template: its name, description and origin, in words. */
function auditFields(row: OwnTemplateRow) {
  return { name: row.name, description: row.description, sourceReference: row.source_reference };
}
