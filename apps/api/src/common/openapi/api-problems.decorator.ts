import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const descriptions: Record<number, string> = {
  400: 'Invalid input: malformed JSON, an unknown field, or a field that breaks a rule (see `errors`).',
  401: 'Not signed in.',
  403: 'Signed in, but not allowed to do this.',
  404: 'No such record (or one that belongs to another organisation).',
  409: 'Conflict: the record changed since it was read (`current` holds it), or breaks a uniqueness rule.',
  413: 'The request body is larger than 1 MB.',
  429: 'Too many requests; retry after the Retry-After header.',
};

/**
 * Documents the problem+json answers of a route. Every route also gets 500 (and 405 for other
 * methods) from the document builder, so only the route's own cases are listed here.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: descriptions[status] ?? 'Error',
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
        },
      }),
    ),
  );
}
