import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { routeTable, RouteEntry } from './route-table';
import { Agent, createOrganizationWithRoles, createTestApi, newAgent, TestApi, TestOrganization } from './test-api';

const ROLES = ['admin', 'dpo', 'contributor', 'auditor'] as const;

/**
 * Every route of the route table, called for real by an anonymous visitor, by each role and by a
 * member of another organisation. New routes join the matrix by themselves; the snapshot of who
 * gets through shows any change of access in review.
 */
describe('authorization matrix over the whole route table', () => {
  let api: TestApi;
  let org: TestOrganization;
  let outsider: Agent;
  let anonymous: Agent;

  beforeAll(async () => {
    api = await createTestApi({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    org = await createOrganizationWithRoles(api.server, 'Matrice');
    const other = await createOrganizationWithRoles(api.server, 'Autre');
    outsider = other.admin;
    anonymous = await newAgent(api.server);
  });
  afterAll(() => api.close());

  function concretePath(route: RouteEntry): string {
    return route.path.replace(/:(\w+)/g, (_whole, name: string) => {
      if (name === 'orgId') return org.organizationId;
      if (name === 'name') return 'data-categories';
      if (['number', 'from', 'to'].includes(name)) return '1';
      if (name === 'code') return 'x_code';
      return randomUUID();
    });
  }

  function call(agent: Agent, route: RouteEntry): Promise<Response> {
    const path = concretePath(route);
    switch (route.method) {
      case 'GET':
        return agent.get(path);
      case 'POST':
        return agent.post(path).send({});
      case 'PATCH':
        return agent.patch(path).send({});
      case 'PUT':
        return agent.put(path).send({});
      case 'DELETE':
        return agent.delete(path);
      default:
        throw new Error(`no call for ${route.method}`);
    }
  }

  const protectedRoutes = () => routeTable(api.app).filter((route) => route.policy && route.policy.kind !== 'public');
  const organizationRoutes = () => routeTable(api.app).filter((route) => route.policy?.kind === 'organization');

  it('answers 401 to an anonymous visitor on every route that is not public', async () => {
    const answers: string[] = [];
    for (const route of protectedRoutes()) {
      const response = await call(anonymous, route);
      answers.push(`${route.method} ${route.path} → ${response.status} ${response.body.code}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 401 unauthenticated'))).toEqual([]);
  });

  it('answers 404 to a member of another organisation on every organisation route, leaking nothing', async () => {
    const answers: string[] = [];
    for (const route of organizationRoutes()) {
      const response = await call(outsider, route);
      if (response.status !== 404 || response.body.code !== 'not_found') answers.push(`${route.method} ${route.path} → ${response.status} ${response.body.code}`);
      expect(JSON.stringify(response.body)).not.toContain('Matrice');
    }
    expect(answers).toEqual([]);
  });

  it('lets each role through exactly the routes of its role (review any change)', async () => {
    const matrix: string[] = [];
    for (const route of organizationRoutes()) {
      const allowed: string[] = [];
      for (const role of ROLES) {
        const response = await call(org.as[role], route);
        expect({ route: `${route.method} ${route.path}`, role, status: response.status }).not.toMatchObject({ status: 401 });
        expect(response.status).toBeLessThan(500);
        if (!(response.status === 403 && response.body.code === 'forbidden')) allowed.push(role);
      }
      matrix.push(`${route.method} ${route.path} → ${allowed.join(', ') || 'nobody'}`);
    }
    expect(matrix).toMatchSnapshot();
    // Routes × roles run one after another: the table grows with every feature, so the budget is the
    // suite's, not a single request's.
  }, 180_000);
});
