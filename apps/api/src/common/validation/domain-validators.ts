import { isBookableCurrency, isKnownLocale, isKnownTimeZone } from '@roi/domain';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { dateFault } from './input-rules';

// The rules live in libs/domain so that the web app's forms check exactly what the API checks.

export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCurrencyCode',
      validator: {
        validate: (value) => typeof value === 'string' && isBookableCurrency(value),
        defaultMessage: () => 'must be an ISO 4217 currency code, e.g. EUR',
      },
    },
    options,
  );
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value) => typeof value === 'string' && isKnownTimeZone(value),
        defaultMessage: () => 'must be an IANA time zone, e.g. Europe/Paris',
      },
    },
    options,
  );
}

export function IsLocale(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocale',
      validator: {
        validate: (value) => typeof value === 'string' && isKnownLocale(value),
        defaultMessage: () => 'must be a BCP 47 locale, e.g. en-GB',
      },
    },
    options,
  );
}

/** Trims surrounding white space of strings; leaves anything else for the type check to refuse. */
export const trimString = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/**
 * For a field a client may leave out but never set to null (the column is NOT NULL): unlike
 * IsOptional, which also waves null through, this checks every value that is present.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * A real calendar date written YYYY-MM-DD (2027-02-29 is not one), within the dates the API
 * takes (input-rules.ts, DATE_RANGE).
 */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => typeof value === 'string' && !dateFault(value),
        defaultMessage: (args) =>
          (typeof args?.value === 'string' && dateFault(args.value)) ||
          'must be a date written YYYY-MM-DD',
      },
    },
    options,
  );
}
