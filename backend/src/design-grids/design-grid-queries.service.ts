import { Injectable } from '@nestjs/common';
import { ActivityQueries } from '../activities/activity-queries.service';
import { ActivityDirectory } from '../activities/directory/activity-directory';
import { AppException } from '../common/errors/app-exception';
import { Page, pageOf } from '../common/http/pagination';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { screeningThresholdsOf } from '../activities/screening-thresholds';
import { assessDpia, computeFlags, GridFacts, gridCompleteness, gridFactsFrom, gridProblems, mapAnswers, planSync } from './design-grid-mapping';
import { DesignGrid } from './design-grid.entity';
import { answeredQuestions } from './grid-progress';
import { EDITABLE_GRID_STATUSES, GridAnswers, GridConflict, GridListItem, GridView } from '../domain/design-grids/design-grid.types';
import type { ListDesignGridsQuery } from './dto/design-grid.dto';

interface ListRow {
  id: string;
  project_name: string;
  department: string | null;
  status: GridListItem['status'];
  version: number;
  activity_id: string | null;
  created_by_name: string | null;
  answers: GridAnswers;
  updated_at: Date;
  submitted_at: Date | null;
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** Reading design grids: the list and one grid as the team sees it (mapped content, flags, conflicts with its draft). */
@Injectable()
export class DesignGridQueries {
  private cachedFacts?: Promise<GridFacts>;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly activities: ActivityQueries,
    private readonly directory: ActivityDirectory,
    private readonly transferFacts: TransferFactsService,
  ) {}

  async list(organizationId: string, query: ListDesignGridsQuery): Promise<Page<GridListItem>> {
    const conditions = ['g.organization_id = $1'];
    const params: unknown[] = [organizationId];
    if (query.status?.length) {
      params.push(query.status);
      conditions.push(`g.status = ANY($${params.length}::text[])`);
    }
    if (query.activityId) {
      params.push(query.activityId);
      conditions.push(`g.activity_id = $${params.length}`);
    }
    if (query.mine) {
      params.push(this.connection.context.userId ?? null);
      conditions.push(`g.created_by = $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const manager = this.connection.manager;
    const [rows, [{ total }]] = await Promise.all([
      manager.query<ListRow[]>(
        `SELECT g.id, g.project_name, d.name AS department, g.status, g.version, g.activity_id, g.created_by_name,
                g.answers, g.updated_at, g.submitted_at
         FROM design_grids g LEFT JOIN departments d ON d.organization_id = g.organization_id AND d.id = g.department_id
         WHERE ${where} ORDER BY g.updated_at DESC, g.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      manager.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM design_grids g WHERE ${where}`, params),
    ]);
    const items = rows.map(
      (row): GridListItem => ({
        id: row.id,
        projectName: row.project_name,
        department: row.department,
        status: row.status,
        version: row.version,
        activityId: row.activity_id,
        createdByName: row.created_by_name,
        answeredCount: answeredQuestions(row.answers).length,
        updatedAt: iso(row.updated_at)!,
        submittedAt: iso(row.submitted_at),
      }),
    );
    return pageOf(items, total, query);
  }

  async get(organizationId: string, gridId: string): Promise<GridView> {
    return this.view(await this.find(organizationId, gridId));
  }

  async view(row: DesignGrid, conflicts?: GridConflict[]): Promise<GridView> {
    const facts = await this.facts(row.organizationId);
    const content = mapAnswers(row, row.answers, facts);
    const [department] = row.departmentId
      ? await this.connection.manager.query<{ name: string }[]>('SELECT name FROM departments WHERE organization_id = $1 AND id = $2', [row.organizationId, row.departmentId])
      : [];
    const activity = row.activityId ? await this.directory.summary(row.organizationId, row.activityId) : null;
    const labels = { department: department?.name ?? null, reference: activity?.reference ?? null };
    if (conflicts === undefined) {
      conflicts = [];
      if (row.activityId && EDITABLE_GRID_STATUSES.includes(row.status)) {
        const current = await this.activities.get(row.organizationId, row.activityId);
        conflicts = planSync(content, row.syncState, current).conflicts;
      }
    }
    return {
      id: row.id,
      projectName: row.projectName,
      departmentId: row.departmentId,
      department: labels.department,
      pitch: row.pitch,
      answers: row.answers,
      status: row.status,
      version: row.version,
      activityId: row.activityId,
      activityReference: labels.reference,
      createdById: row.createdById,
      createdByName: row.createdByName,
      createdAt: iso(row.createdAt)!,
      updatedAt: iso(row.updatedAt)!,
      submittedAt: iso(row.submittedAt),
      reviewedAt: iso(row.reviewedAt),
      comments: row.comments,
      answered: answeredQuestions(row.answers),
      flags: computeFlags(row.answers, facts),
      dpia: assessDpia(row.answers, facts),
      completeness: gridCompleteness(content, facts),
      problems: gridProblems(content, facts),
      conflicts,
    };
  }

  /**
   * The organisation's grid facts. Shipped catalogues only change at start-up (catalogue sync), so they
   * are read once; the thresholds are the organisation's, read each time.
   */
  async facts(organizationId: string): Promise<GridFacts> {
    this.cachedFacts ??= this.loadFacts().catch((error: unknown) => {
      this.cachedFacts = undefined;
      throw error;
    });
    return { ...(await this.cachedFacts), thresholds: await screeningThresholdsOf(this.connection.manager, organizationId) };
  }

  private async loadFacts(): Promise<GridFacts> {
    const rows = await this.connection.manager.query<{ catalogue: string; code: string; facts: Record<string, unknown> }[]>(
      "SELECT catalogue, code, facts FROM catalogue_entries WHERE catalogue IN ('data-categories', 'data-subject-categories')",
    );
    return gridFactsFrom(
      rows.filter((row) => row.catalogue === 'data-categories'),
      rows.filter((row) => row.catalogue === 'data-subject-categories'),
      await this.transferFacts.facts(),
    );
  }

  async find(organizationId: string, gridId: string): Promise<DesignGrid> {
    const row = await this.connection.getRepository(DesignGrid).findOneBy({ organizationId, id: gridId });
    if (!row) throw AppException.notFound();
    return row;
  }
}
