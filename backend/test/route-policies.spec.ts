import { routeTable } from './route-table';
import { createTestApi, TestApi } from './test-api';

/**
 * Walks the route table: every route must declare who may call it. The snapshot makes a change of
 * who can reach what visible in review.
 */
describe('route policies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  function describedRoutes(): { route: string; policy: string }[] {
    return routeTable(api.app)
      .map(({ method, path, policy }) => ({
        route: `${method} ${path}`,
        policy: !policy ? 'MISSING' : policy.kind === 'organization' ? `${policy.action} ${policy.subject}` : policy.kind,
      }))
      .sort((a, b) => a.route.localeCompare(b.route));
  }

  it('gives every route a policy', () => {
    const table = describedRoutes();
    expect(table.length).toBeGreaterThan(10);
    expect(table.filter((row) => row.policy === 'MISSING')).toEqual([]);
  });

  it('declares who may call each route (review any change here)', () => {
    expect(describedRoutes().map((row) => `${row.route} → ${row.policy}`)).toMatchSnapshot();
  });
});
