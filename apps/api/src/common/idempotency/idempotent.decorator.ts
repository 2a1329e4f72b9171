import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../openapi/problem-details.dto';
import { IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-key';

export const IDEMPOTENT = 'roi:idempotent';
/** Set on an answer that repeats the first answer given to the same key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotentOptions {
  /**
   * The body is a stream the handler reads itself (a multipart upload): it is fingerprinted as
   * the handler reads it instead of from the parsed JSON.
   */
  streamedBody?: boolean;
  /**
   * The answer shows a secret once (an API key, a link's token): it is never stored, so a retry
   * after success is told the create was carried out (409) instead of seeing the answer again.
   */
  answerHoldsSecret?: boolean;
}

// The `@nestjs/swagger` metadata key of a route's responses (DECORATORS.API_RESPONSE).
const API_RESPONSES = 'swagger/apiResponse';

const problem = {
  'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
};

/**
 * Makes a create route safe to retry with an `Idempotency-Key` header (IdempotencyInterceptor
 * does the work) and documents the header, the replay header and the 409 and 422 answers.
 * Put it right under `@Post()`, above the route's response decorators, so that it can add the
 * replay header to the success answer they declare.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  const replayed = options.answerHoldsSecret
    ? ' Its answer shows a secret once and is never stored: a retry after it succeeded answers 409 instead of the answer.'
    : '';
  return applyDecorators(
    SetMetadata(IDEMPOTENT, options),
    ApiExtraModels(ProblemDetailsDto),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Optional; makes a retry of this create safe. Within 24 hours, for this organisation and caller, the same key with the same request answers the first answer again (with `Idempotent-Replayed: true`) instead of creating another record; with another request, 422; while the first is still being processed, 409. A request that fails keeps nothing, so a corrected retry may reuse its key. 1 to 255 printable ASCII characters, bare or as a quoted string (RFC 8941); a UUID is a good key.' +
        replayed,
      schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
    }),
    ApiResponse({
      status: 409,
      description:
        'A request with the same Idempotency-Key is still being processed (retry after Retry-After), or was carried out but its answer was lost' +
        (options.answerHoldsSecret ? ' or is not kept (it showed a secret).' : '.'),
      content: problem,
    }),
    ApiResponse({
      status: 422,
      description:
        'The Idempotency-Key was already used for a different request (body, path or method).',
      content: problem,
    }),
    documentReplayHeader,
  );
}

/** Adds the replay header to the success answers the route already declares. */
const documentReplayHeader: MethodDecorator = (_target, _key, descriptor) => {
  const method = descriptor.value as object;
  const responses = (Reflect.getMetadata(API_RESPONSES, method) ?? {}) as Record<
    string,
    { headers?: Record<string, unknown> }
  >;
  for (const [status, response] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    response.headers = {
      ...response.headers,
      [REPLAYED_HEADER]: {
        description: 'Present, `true`, when this answer repeats the first one given to the key.',
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
  Reflect.defineMetadata(API_RESPONSES, responses, method);
  return descriptor;
};
