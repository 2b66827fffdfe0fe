import { INestApplicationContext, Injectable } from '@nestjs/common';
import { readBreachFigures } from '../breaches/breach-figures';
import { readRightsRequestFigures } from '../rights-requests/rights-request-figures';
import { TransactionalConnection } from '../common/request-context/transactional-connection';
import { countBySeverity, Evaluation, FindingsService } from '../findings/findings.service';
import { TransferFactsService } from '../transfers/transfer-facts.service';
import { averageCompleteness, dashboardFigures, reviewsOf } from './dashboard-figures';
import type { DashboardView, OrganizationSummaryView, WeekChangesView } from './dto/dashboard.dto';
import type { Role } from '../members/membership.entity';

/** Weeks shown by the "activity over time" chart. */
export const WEEKS_SHOWN = 12;

/**
 * The compliance dashboard of one organisation, and the one-row-per-organisation summary of a user
 * who belongs to several. Built on one evaluation of the findings engine plus two small queries;
 * callable from a script (benchmark) inside a tenant transaction.
 */
@Injectable()
export class DashboardService {
  /** Figures per evaluation object: FindingsService returns the same object while the data are unchanged. */
  private readonly figures = new WeakMap<Evaluation, { departmentsKey: string; figures: ReturnType<typeof dashboardFigures> }>();

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly findings: FindingsService,
    private readonly transferFacts: TransferFactsService,
  ) {}

  /** `registers`: the intake registers the member reads whole (their figures are null otherwise). */
  async dashboard(organizationId: string, registers: { rightsRequests: boolean; breaches: boolean }): Promise<DashboardView> {
    const { dashboard } = await this.compute(organizationId);
    const query = <T>(sql: string, params: unknown[]) => this.connection.manager.query<T[]>(sql, params);
    const now = new Date();
    return {
      ...dashboard,
      rightsRequests: registers.rightsRequests ? await readRightsRequestFigures(query, organizationId, now) : null,
      breaches: registers.breaches ? await readBreachFigures(query, organizationId, now) : null,
    };
  }

  /** Findings and dashboard from one evaluation: what the benchmark measures (see runComplianceComputation). */
  async compute(organizationId: string): Promise<{ evaluation: Evaluation; dashboard: Omit<DashboardView, 'rightsRequests' | 'breaches'> }> {
    const evaluation = await this.findings.evaluate(organizationId);
    const manager = this.connection.manager;
    const departments = await manager.query<{ id: string; name: string }[]>('SELECT id, name FROM departments WHERE organization_id = $1', [organizationId]);
    const changesPerWeek = await manager.query<WeekChangesView[]>(
      `SELECT to_char(w.week, 'YYYY-MM-DD') AS week, count(v.number)::int AS changes
       FROM generate_series(date_trunc('week', now()) - make_interval(weeks => $2), date_trunc('week', now()), interval '1 week') AS w(week)
       LEFT JOIN activity_versions v ON v.organization_id = $1 AND v.created_at >= w.week AND v.created_at < w.week + interval '1 week'
       GROUP BY w.week ORDER BY w.week`,
      [organizationId, WEEKS_SHOWN - 1],
    );
    // The figures of a cached evaluation are computed once, while the departments' names stay the same.
    const departmentsKey = JSON.stringify(departments);
    let memo = this.figures.get(evaluation);
    if (memo?.departmentsKey !== departmentsKey) {
      const figures = dashboardFigures(evaluation, await this.transferFacts.facts(), new Map(departments.map((department) => [department.id, department.name])));
      memo = { departmentsKey, figures };
      this.figures.set(evaluation, memo);
    }
    return { evaluation, dashboard: { ...memo.figures, changesPerWeek } };
  }

  /**
   * One row per organisation the user belongs to. The request's transaction is bound to each
   * organisation in turn, so row-level security applies to every figure.
   */
  async summaries(userId: string): Promise<OrganizationSummaryView[]> {
    const manager = this.connection.manager;
    const memberships = await manager.query<{ organization_id: string; name: string; roles: Role[] }[]>(
      `SELECT m.organization_id, o.name, m.roles FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = $1 ORDER BY lower(o.name), o.id`,
      [userId],
    );
    const rows: OrganizationSummaryView[] = [];
    try {
      for (const membership of memberships) {
        await this.connection.bindOrganization(membership.organization_id);
        const evaluation = await this.findings.evaluate(membership.organization_id);
        const reviews = reviewsOf(evaluation);
        rows.push({
          organizationId: membership.organization_id,
          organizationName: membership.name,
          roles: membership.roles,
          activities: evaluation.data.activities.filter((activity) => activity.status !== 'archived').length,
          findingsBySeverity: countBySeverity(evaluation.findings),
          reviewsDue: reviews.due.length,
          reviewsOverdue: reviews.overdue,
          averageCompleteness: averageCompleteness(evaluation),
        });
      }
    } finally {
      await this.connection.bindOrganization('');
    }
    return rows;
  }
}

/**
 * For scripts (npm run bench): the findings and the dashboard of one organisation, computed in a
 * tenant transaction of `app` exactly as the API routes compute them.
 */
export function runComplianceComputation(app: INestApplicationContext, organizationId: string): Promise<{ evaluation: Evaluation; dashboard: Omit<DashboardView, 'rightsRequests' | 'breaches'> }> {
  return app.get(TransactionalConnection).withTenant({ organizationId }, () => app.get(DashboardService).compute(organizationId));
}
