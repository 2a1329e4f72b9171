import type { Application } from 'express';

interface RouteLayer {
  route?: { path?: unknown; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  match(path: string): boolean;
}

/**
 * The methods the router answers for a path, so a request with another method can be told
 * "405 Method Not Allowed" with an Allow header instead of a misleading 404.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const stack = (app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(path)) continue;
    // A catch-all (the web app's index for every GET) says nothing about what this path serves.
    if (isCatchAll(layer.route.path)) continue;
    // Nest mounts middleware as one handler registered for every method; it serves nothing itself.
    const handlers = new Set(layer.route.stack.map((handler) => handler.handle));
    if (layer.route.stack.length > 1 && handlers.size === 1) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

function isCatchAll(routePath: unknown): boolean {
  return typeof routePath === 'string' && /^\/?(\*|\{\*[^}]*\}|\*[A-Za-z]+)$/.test(routePath);
}
