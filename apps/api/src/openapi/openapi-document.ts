import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { INT32_MAX } from '../common/validation/input-rules';

const PROBLEM = { $ref: '#/components/schemas/ProblemDetailsDto' };

/** The OpenAPI 3.1 description, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Return-on-Impact planner API')
    .setDescription(
      'Build a social strategy in six steps and track execution against measurable ROI. ' +
        'Errors are RFC 9457 application/problem+json bodies; every response carries X-Request-Id.',
    )
    .setVersion('1')
    .addCookieAuth('roi_session', { type: 'apiKey', in: 'cookie', name: 'roi_session' }, 'session')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An API key: roi_...' },
      'api-key',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addCommonErrorResponses(document);
  describePathParameters(document);
  return document;
}

/** Any route can fail unexpectedly (500) or be called with a method it does not serve (405). */
function addCommonErrorResponses(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      operation.responses['405'] ??= {
        description: 'This method is not served on this path (see the Allow header).',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
      operation.responses['500'] ??= {
        description: 'Unexpected error; the body carries the request id to report.',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
    }
  }
}

/**
 * Path parameters say what the API takes (common/validation/input-rules.ts): ids are UUIDs
 * (uuidPipe), plan version numbers are whole numbers within PostgreSQL's integer.
 */
function describePathParameters(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      for (const parameter of pathItem[method]?.parameters ?? []) {
        if (!('in' in parameter) || parameter.in !== 'path') continue;
        if (/Id$/.test(parameter.name)) {
          parameter.schema = { type: 'string', format: 'uuid' };
        } else if (parameter.name === 'number') {
          parameter.schema = { type: 'integer', minimum: 1, maximum: INT32_MAX };
        }
      }
    }
  }
}
