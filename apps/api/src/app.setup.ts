import { type INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from './common/http/api-prefix';
import {
  answerUnknownApiPath,
  refuseHostileBody,
  refuseHostileJsonStructure,
  refuseHostileUrl,
} from './common/validation/hostile-input.middleware';
import { type Environment, trustProxySetting } from './config/environment';
import { assignRequestId } from './config/logger';
import { buildOpenApiDocument } from './openapi/openapi-document';

export const JSON_BODY_LIMIT = '1mb';

/**
 * Only this origin's own scripts run. Styles may be inline because Mantine writes its CSS
 * variables into a style element and Swagger UI styles elements directly. No upgrade of
 * insecure requests: the product is also served over plain http on localhost, where TLS ends
 * at a proxy or does not exist.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Everything about the HTTP application that is not a module: shared by main.ts and the tests, so
 * the tests exercise the same prefix, body limit and documentation as production.
 */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  app.use(cookieParser());
  app.disable('x-powered-by');
  // Behind TRUST_PROXY's proxies, request.ip, protocol and host are the client's: the sign-in
  // limits, sessions, logs, the origin check and mailed links all read them from there.
  app.set(
    'trust proxy',
    trustProxySetting(app.get(ConfigService<Environment, true>).get('TRUST_PROXY')),
  );
  app.set('query parser', 'simple');
  // Input rules (common/validation/input-rules.ts) run before any route, guard or pipe.
  app.use(refuseHostileUrl);
  app.use(json({ limit: JSON_BODY_LIMIT, verify: refuseHostileJsonStructure }));
  app.use(refuseHostileBody);
  applyRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Return-on-Impact planner API',
    // Tags start folded, with a filter: Swagger UI draws only the first few operations when it
    // opens a document of this size (over ~135 operations) with every tag expanded.
    swaggerOptions: { docExpansion: 'none', filter: true },
  });
  app.use(answerUnknownApiPath);
}

/** Routes live under /api/v1; the health probes stay at /api/health whatever the API version. */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'api/health', method: RequestMethod.ALL }, 'api/health/{*rest}'],
  });
}
