import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ROUTE_POLICY, RoutePolicy } from '../src/authorization/route-policy';
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

  function routeTable(): { route: string; policy: string }[] {
    const discovery = api.app.get(DiscoveryService);
    const scanner = new MetadataScanner();
    const rows: { route: string; policy: string }[] = [];
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || !wrapper.instance) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      const prototype = Object.getPrototypeOf(wrapper.instance) as object;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[methodName] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const policy = (Reflect.getMetadata(ROUTE_POLICY, handler) ?? Reflect.getMetadata(ROUTE_POLICY, controller)) as RoutePolicy | undefined;
        const described = !policy ? 'MISSING' : policy.kind === 'organization' ? `${policy.action} ${policy.subject}` : policy.kind;
        rows.push({ route: `${method} /api/${[base, path].filter((part) => part && part !== '/').join('/')}`, policy: described });
      }
    }
    return rows.sort((a, b) => a.route.localeCompare(b.route));
  }

  it('gives every route a policy', () => {
    const table = routeTable();
    expect(table.length).toBeGreaterThan(10);
    expect(table.filter((row) => row.policy === 'MISSING')).toEqual([]);
  });

  it('declares who may call each route (review any change here)', () => {
    expect(routeTable().map((row) => `${row.route} → ${row.policy}`)).toMatchSnapshot();
  });
});
