import { PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ValidationProblem } from '../problem-details/problem';
import { DATE_RANGE, INT32_MAX, parseIsoDateTime, parseWholeNumber } from './input-rules';

// Path and query values arrive as text. These read them strictly, by the rules of input-rules.ts:
// `0x10`, `6.33e+16`, `1.0` or a number beyond 32 bits is not a whole number here.

const wholeNumberReason = (min: number, max: number) =>
  `must be a whole number from ${min} to ${max}`;

/**
 * The type of a path parameter read by wholeNumberPipe. Declared as a plain `number`, the global
 * ValidationPipe would convert the text first with `+value` (turning `0x10` into 16) before this
 * pipe saw it; this type is emitted as Object, which the global pipe passes through untouched.
 */
export type WholeNumber = number & { readonly wholeNumber?: never };

/** A path parameter holding a whole number in [min, max] (default 1 to 2^31 - 1). */
export function wholeNumberPipe(
  field: string,
  min = 1,
  max = INT32_MAX,
): PipeTransform<string, WholeNumber> {
  return {
    transform(value: string): WholeNumber {
      const number = typeof value === 'string' ? parseWholeNumber(value, min, max) : undefined;
      if (number === undefined) {
        throw new ValidationProblem([{ field, reason: wholeNumberReason(min, max) }]);
      }
      return number;
    },
  };
}

/**
 * A query field holding a whole number in [min, max]: converted when it is one, otherwise left
 * as it came so that the check reports it as it was written ("limit=abc" is not "greater than 100").
 */
export function IsWholeNumberQuery(
  min: number,
  max: number,
  options?: ValidationOptions,
): PropertyDecorator {
  const toNumber = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseWholeNumber(value, min, max) ?? value) : value,
  );
  const check = ValidateBy(
    {
      name: 'isWholeNumberQuery',
      validator: {
        validate: (value) =>
          typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: () => wholeNumberReason(min, max),
      },
    },
    options,
  );
  return (target, property) => {
    toNumber(target, property);
    check(target, property);
  };
}

/**
 * A moment in ISO 8601 (`2025-02-28` or `2025-02-28T09:30:00Z`) on a real calendar date within
 * DATE_RANGE, converted to a Date; anything else (2025-02-30 included) is refused.
 */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  const toDate = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseIsoDateTime(value) ?? value) : value,
  );
  const check = ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
        defaultMessage: () =>
          `must be a date-time in ISO 8601 from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}, e.g. 2025-02-28T09:30:00Z`,
      },
    },
    options,
  );
  return (target, property) => {
    toDate(target, property);
    check(target, property);
  };
}

/** A plan version reference: a version number within 32 bits, or "draft". */
export function parseVersionRef(value: string): number | 'draft' | undefined {
  return value === 'draft' ? 'draft' : parseWholeNumber(value, 1, INT32_MAX);
}
