import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../problem-details/problem';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key';

export const IDEMPOTENCY_PROBLEM_TYPES = {
  reused: '/problems/idempotency-key-reused',
  inProgress: '/problems/idempotency-key-in-progress',
  answerLost: '/problems/idempotency-answer-lost',
  answerWithheld: '/problems/idempotency-answer-withheld',
} as const;

/** A malformed header: a 400 naming the header, as a field of the request. */
export class InvalidIdempotencyKeyProblem extends ValidationProblem {
  constructor(reason: string) {
    super([{ field: IDEMPOTENCY_KEY_HEADER, reason }]);
  }
}

/** The draft's 422: the key was used for a request with another method, path or body. */
export class IdempotencyKeyReusedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'Idempotency-Key is already used',
      'This Idempotency-Key was used for a different request (another body, path or method) in the last 24 hours. Send each new request with a new key; repeat a key only to retry the very same request.',
      IDEMPOTENCY_PROBLEM_TYPES.reused,
    );
  }
}

/** The draft's 409: the first request with this key has not finished yet. */
export class IdempotencyKeyInProgressProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'A request is outstanding for this Idempotency-Key',
      'A request with the same Idempotency-Key is still being processed. Retry the same request after a moment to get its answer.',
      IDEMPOTENCY_PROBLEM_TYPES.inProgress,
      {},
      { 'Retry-After': '1' },
    );
  }
}

/**
 * The create of the first request committed, but its process stopped before it could keep the
 * answer: repeating it would create the record twice, so it is refused for the key's lifetime.
 */
export class IdempotencyAnswerLostProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'The request with this Idempotency-Key was carried out; its answer was lost',
      'The first request with this Idempotency-Key was carried out, but the server stopped before it could keep the answer. It will not be carried out again: look the record up instead.',
      IDEMPOTENCY_PROBLEM_TYPES.answerLost,
    );
  }
}

/** The create was carried out; its answer showed a secret once and is not kept to be replayed. */
export class IdempotencyAnswerWithheldProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'The request with this Idempotency-Key was carried out; its answer is not kept',
      'The first request with this Idempotency-Key was carried out. Its answer showed a secret once, which is never stored, so it cannot be shown again: find the record in the list (and revoke it if the secret was lost).',
      IDEMPOTENCY_PROBLEM_TYPES.answerWithheld,
    );
  }
}
