import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { RequestContext } from '../access/request-context';
import { type ProblemDetails, ProblemException } from '../problem-details/problem';
import { CommitMarker } from './commit-marker';
import { IDEMPOTENT, type IdempotentOptions, REPLAYED_HEADER } from './idempotent.decorator';
import { parseIdempotencyKey } from './idempotency-key';
import {
  IdempotencyAnswerLostProblem,
  IdempotencyAnswerWithheldProblem,
  IdempotencyKeyInProgressProblem,
  IdempotencyKeyReusedProblem,
  InvalidIdempotencyKeyProblem,
} from './idempotency-problems';
import {
  type HeldKey,
  IdempotencyStore,
  type KeyOwner,
  type StoredAnswer,
} from './idempotency-store';
import { jsonRequestFingerprint, type RequestShape } from './request-fingerprint';
import { discardBody, fingerprintAsRead, fingerprintByReading } from './streamed-body';

type IdempotentRequest = Request & { context?: RequestContext };

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The one mechanism behind `@Idempotent()` (draft-ietf-httpapi-idempotency-key-header): a create
 * sent with an Idempotency-Key is carried out once per organisation, caller and key for 24 hours.
 * The same key with the same request answers the first answer again (`Idempotent-Replayed:
 * true`); with another request, 422; while the first is still running, 409. A request that fails
 * lets its key go (nothing was created), so a corrected retry with the same key runs.
 * Runs after the AccessGuard, which has authenticated the caller and checked the organisation.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    private readonly marker: CommitMarker,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(
      IDEMPOTENT,
      execution.getHandler(),
    );
    if (!options || execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<IdempotentRequest>();
    const parsed = parseIdempotencyKey(request.headers, request.rawHeaders);
    if (parsed.kind === 'absent') return next.handle();
    if (parsed.kind === 'invalid') {
      if (options.streamedBody) discardBody(request);
      throw new InvalidIdempotencyKeyProblem(parsed.reason);
    }
    const context = request.context;
    const principal = context?.principal?.userId ?? context?.principal?.apiKeyId;
    if (!context?.organisationId || !principal) {
      throw new Error('@Idempotent() is for organisation routes (declare @Requires(permission))');
    }
    const owner = { organisationId: context.organisationId, principal, key: parsed.key };
    return from(this.idempotently(execution, next, request, owner, options));
  }

  private async idempotently(
    execution: ExecutionContext,
    next: CallHandler,
    request: IdempotentRequest,
    owner: KeyOwner,
    options: IdempotentOptions,
  ): Promise<unknown> {
    const shape: RequestShape = {
      method: request.method,
      path: new URL(request.originalUrl, 'http://localhost').pathname,
      query: request.query,
    };
    const fingerprint = options.streamedBody
      ? undefined
      : jsonRequestFingerprint(shape, request.body);
    const outcome = await this.store
      .claim(owner, { method: shape.method, path: shape.path, fingerprint })
      .catch((error: unknown) => {
        if (options.streamedBody) discardBody(request);
        throw error;
      });
    if (outcome.kind === 'claimed') {
      return this.carryOut(execution, next, request, outcome.held, shape, options);
    }
    if (outcome.kind === 'replay' || outcome.kind === 'withheld') {
      if (options.streamedBody) {
        const streamed = await fingerprintByReading(request, shape);
        if (outcome.fingerprint && streamed !== outcome.fingerprint) {
          throw new IdempotencyKeyReusedProblem();
        }
      }
      if (outcome.kind === 'withheld') throw new IdempotencyAnswerWithheldProblem();
      return replay(execution.switchToHttp().getResponse<Response>(), outcome.answer);
    }
    if (options.streamedBody) discardBody(request);
    if (outcome.kind === 'reused') throw new IdempotencyKeyReusedProblem();
    if (outcome.kind === 'answer-lost') throw new IdempotencyAnswerLostProblem();
    throw new IdempotencyKeyInProgressProblem();
  }

  /** Runs the handler holding the key, then keeps its answer (or lets the key go on failure). */
  private async carryOut(
    execution: ExecutionContext,
    next: CallHandler,
    request: IdempotentRequest,
    held: HeldKey,
    shape: RequestShape,
    options: IdempotentOptions,
  ): Promise<unknown> {
    const streamed = options.streamedBody ? fingerprintAsRead(request, shape) : undefined;
    const run = this.marker.run(held, () =>
      lastValueFrom(next.handle(), { defaultValue: undefined }),
    );
    let body: unknown;
    try {
      body = await run.result;
    } catch (error) {
      run.end();
      await this.afterFailure(held, error);
      throw error;
    } finally {
      run.end();
    }
    const answer: StoredAnswer = {
      status:
        this.reflector.get<number | undefined>(HTTP_CODE_METADATA, execution.getHandler()) ??
        HttpStatus.CREATED,
      contentType: body === undefined ? null : JSON_CONTENT_TYPE,
      body: body === undefined ? null : JSON.stringify(body),
      withheld: options.answerHoldsSecret ?? false,
    };
    // The body has been read to its end by now, or never will be.
    const streamedFingerprint = streamed && request.readableEnded ? await streamed : undefined;
    // Kept before the answer leaves, so a retry that follows it always finds it. Should keeping
    // it fail, the record was still created: the client gets its answer, and a retry is refused
    // (the key says its create committed) rather than carried out twice.
    await this.store
      .complete(held, answer, streamedFingerprint)
      .catch((error: Error) =>
        this.logger.error(`Keeping the answer for an Idempotency-Key failed: ${error.message}`),
      );
    return body;
  }

  private async afterFailure(held: HeldKey, error: unknown): Promise<void> {
    try {
      if (await this.store.release(held)) return;
      // The create committed and something failed after it: that failure is the answer, kept so
      // that a retry neither repeats the create nor pretends it did not happen.
      if (
        error instanceof ProblemException &&
        !(error instanceof IdempotencyKeyInProgressProblem)
      ) {
        const problem: ProblemDetails = {
          type: error.type,
          title: error.title,
          status: error.status,
          ...(error.detail ? { detail: error.detail } : {}),
          ...error.extensions,
        };
        await this.store.complete(held, {
          status: error.status,
          contentType: 'application/problem+json',
          body: JSON.stringify(problem),
        });
      }
    } catch (bookkeeping) {
      this.logger.error(
        `Releasing an Idempotency-Key after a failed request failed: ${(bookkeeping as Error).message}`,
      );
    }
  }
}

/** The first answer again: a success as it was sent, a kept problem through the filter. */
function replay(response: Response, answer: StoredAnswer): unknown {
  response.setHeader(REPLAYED_HEADER, 'true');
  if (answer.status >= 400 && answer.body) {
    const problem = JSON.parse(answer.body) as ProblemDetails;
    const { type, title, status, detail, ...extensions } = problem;
    throw new ProblemException(status, title, detail, type, extensions);
  }
  if (answer.body === null) return undefined;
  response.setHeader('Content-Type', answer.contentType ?? JSON_CONTENT_TYPE);
  // A string goes out as it is: the very bytes of the first answer.
  return answer.body;
}
