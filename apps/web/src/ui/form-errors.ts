import { ApiProblem } from '../api/client';

/** Reasons read after a field's name ("must not be empty"); beside a field they start a sentence. */
export function asFieldMessage(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Puts an API refusal where the user looks: each refused field's reason beside that field, and
 * anything else (a lost connection, an unexpected error) beside `fallbackField`.
 */
export function showProblemInForm(form: FormWithErrors, error: unknown, fallbackField: string) {
  if (error instanceof ApiProblem && error.problem.errors?.length) {
    form.setErrors(
      Object.fromEntries(
        Object.entries(error.fieldErrors()).map(([field, reason]) => [
          field,
          asFieldMessage(reason),
        ]),
      ),
    );
  } else {
    form.setErrors({
      [fallbackField]: error instanceof Error ? error.message : 'That did not work; try again.',
    });
  }
}
