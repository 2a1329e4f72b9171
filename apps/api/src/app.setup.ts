import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { assignRequestId } from './config/logger';
import { buildOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api/v1';
export const JSON_BODY_LIMIT = '1mb';

/**
 * Everything about the HTTP application that is not a module: shared by main.ts and the tests, so
 * the tests exercise the same prefix, body limit and documentation as production.
 */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  applyRoutePrefix(app);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Return-on-Impact planner API',
  });
}

/** Routes live under /api/v1; the health probes stay at /api/health whatever the API version. */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'api/health', method: RequestMethod.ALL }, 'api/health/{*rest}'],
  });
}
