import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';

/**
 * class-validator reports nested objects and arrays as a tree; clients want one line per field,
 * named by its path (`answers.2.value`), with a reason that reads after the field's name.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: reasonFor(constraint, message, error.property),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function reasonFor(constraint: string, message: string, property: string): string {
  if (constraint === 'whitelistValidation') return 'is not a known field';
  // class-validator's default messages start with the property name ("name must be a string").
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
