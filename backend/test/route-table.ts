import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ROUTE_POLICY, RoutePolicy } from '../src/authorization/route-policy';

export interface RouteEntry {
  method: string;
  /** Express-style path, e.g. /api/v1/organizations/:orgId/members/:memberId */
  path: string;
  policy: RoutePolicy | undefined;
}

/** Every route the application serves, read from Nest's own metadata, with its declared policy. */
export function routeTable(app: INestApplication): RouteEntry[] {
  const discovery = app.get(DiscoveryService);
  const scanner = new MetadataScanner();
  const rows: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller || !wrapper.instance) continue;
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[methodName] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      rows.push({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `/api/${[base, path].filter((part) => part && part !== '/').join('/')}`,
        policy: (Reflect.getMetadata(ROUTE_POLICY, handler) ?? Reflect.getMetadata(ROUTE_POLICY, controller)) as RoutePolicy | undefined,
      });
    }
  }
  return rows.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
