import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '../problem-details/problem';

/** Path ids are UUIDs; anything else is refused as a 400 naming the parameter. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationProblem([{ field: 'id', reason: 'must be a UUID' }]),
});
