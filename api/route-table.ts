import type { FastifyInstance } from 'fastify';

/** The API's own paths and their methods, so a known path asked with another method gets 405, not 404. */
export interface RouteTable {
  hasOtherMethod(method: string, pathname: string): boolean;
}

const toPattern = (url: string) =>
  new RegExp(
    `^${url
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z]+/g, '[^/]+')
      .replace(/\*/g, '.*')}$`,
  );

const HEALTH_PATHS = ['/healthz', '/readyz'];

/** Collects routes as they are registered (call before any route is added). */
export function collectRouteTable(app: FastifyInstance): RouteTable {
  const routes: { methods: string[]; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && !HEALTH_PATHS.includes(route.url)) return;
    routes.push({ methods: [route.method].flat(), pattern: toPattern(route.url) });
  });
  return {
    hasOtherMethod: (method, pathname) =>
      routes.some((route) => route.pattern.test(pathname) && !route.methods.includes(method)) &&
      !routes.some((route) => route.pattern.test(pathname) && route.methods.includes(method)),
  };
}
