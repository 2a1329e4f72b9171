import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { API_PREFIX } from '../http/api-prefix';
import { ACCESS_RULE, type AccessRule } from './access-rule.decorator';

export interface Route {
  method: string;
  /** Express-style path under the API's prefix, e.g. /api/v1/organisations/:orgId/members. */
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

const UNPREFIXED = /^\/?api\//;

/**
 * The application's own route table, read from the controllers: checked at start (every route
 * must declare its access rule) and used by the access-matrix test, so a new route is covered
 * without anyone remembering to add it.
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = this.routes().filter((route) => !route.rule);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access rule (@Public, @SignedIn or @Requires): ${undeclared
          .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`)
          .join(', ')}`,
      );
    }
  }

  routes(): Route[] {
    return this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) return [];
      const base = joinPath(this.reflector.get<string>(PATH_METADATA, controller) ?? '');
      const prototype = Object.getPrototypeOf(wrapper.instance) as object;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        const path = this.reflector.get<string | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) return [];
        const full = joinPath(base, path);
        return [
          {
            method: RequestMethod[method],
            path: UNPREFIXED.test(full) ? full : `/${API_PREFIX}${full}`,
            controller: controller.name,
            handler: name,
            rule:
              this.reflector.get<AccessRule | undefined>(ACCESS_RULE, handler) ??
              this.reflector.get<AccessRule | undefined>(ACCESS_RULE, controller),
          },
        ];
      });
    });
  }
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${joined}`;
}
