import type { Express, NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import path from 'node:path';

/** Vite names every file under assets/ by a hash of its content: a new build makes new names. */
export const HASHED_ASSET_CACHING = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files (favicon) may be kept, but are checked again on every use. */
export const REVALIDATED_CACHING = 'no-cache';

const ASSETS = '/assets';

/**
 * Serves the built web app: its files, preferring the brotli or gzip twin the build wrote beside
 * each one (`.br`, `.gz`) when the client accepts it, and index.html for any other GET outside
 * /api and /assets, so the router's deep links load the app. A missing asset stays a 404: an
 * HTML page in place of a script would only fail later and more obscurely.
 */
export function serveWebApp(app: Express, givenDirectory: string): void {
  // WEB_DIST_DIR may be relative to where the API was started; sendFile takes absolute paths only.
  const directory = path.resolve(givenDirectory);
  const indexFile = path.join(directory, 'index.html');
  const assetsDirectory = path.join(directory, ASSETS);
  const staticFiles = (root: string, cacheControl: string) =>
    expressStaticGzip(root, {
      enableBrotli: true,
      // Brotli is smaller than gzip at the same speed of decoding; prefer it whatever the order.
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        cacheControl: false,
        fallthrough: true,
        redirect: false,
        setHeaders: (response) => response.setHeader('Cache-Control', cacheControl),
      },
    });

  app.use(ASSETS, staticFiles(assetsDirectory, HASHED_ASSET_CACHING));
  app.use(staticFiles(directory, REVALIDATED_CACHING));
  app.get('/{*path}', (request: Request, response: Response, next: NextFunction) => {
    if (isOutsideTheWebApp(request.path)) return next();
    response.setHeader('Cache-Control', REVALIDATED_CACHING);
    response.sendFile(indexFile, (error) => {
      if (error && !response.headersSent) next(error);
    });
  });
}

function isOutsideTheWebApp(requestPath: string): boolean {
  return ['/api', ASSETS].some(
    (prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`),
  );
}
