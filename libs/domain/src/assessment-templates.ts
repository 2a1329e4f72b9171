/**
 * Assessment questions (BRIEF, "Assessments"). The built-in templates themselves are data, seeded
 * and versioned by migration; these are the rules every template's questions follow.
 */
export const QUESTION_KINDS = [
  'scale',
  'single_choice',
  'multiple_choice',
  'number',
  'text',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MATURITY_DIMENSIONS = [
  'leadership commitment',
  'purpose and strategy',
  'listening and insight',
  'customer engagement',
  'governance and structure',
  'talent and skills',
  'measurement and ROI',
] as const;

export interface AnswerableQuestion {
  kind: QuestionKind;
  options?: readonly string[] | null;
}

export const TEXT_ANSWER_MAX_LENGTH = 5000;

/** Why a value does not answer the question, or null when it does. */
export function answerProblem(question: AnswerableQuestion, value: unknown): string | null {
  switch (question.kind) {
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? null
        : 'must be a whole number from 1 to 5';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'text':
      return typeof value === 'string' &&
        value.trim().length > 0 &&
        value.length <= TEXT_ANSWER_MAX_LENGTH
        ? null
        : `must be text of 1 to ${TEXT_ANSWER_MAX_LENGTH} characters`;
    case 'single_choice':
      return typeof value === 'string' && (question.options ?? []).includes(value)
        ? null
        : 'must be one of the question’s options';
    case 'multiple_choice':
      return Array.isArray(value) &&
        value.every(
          (choice) => typeof choice === 'string' && (question.options ?? []).includes(choice),
        ) &&
        new Set(value).size === value.length
        ? null
        : 'must be a list of distinct options of the question';
  }
}

export interface Evidence {
  text?: string | null;
  url?: string | null;
  figure?: number | null;
}

/** "Every answer may carry evidence (text, link, figure)": any one of them counts. */
export function hasEvidence(evidence: Evidence | null | undefined): boolean {
  return Boolean(
    evidence &&
    ((evidence.text ?? '').trim() ||
      (evidence.url ?? '').trim() ||
      typeof evidence.figure === 'number'),
  );
}
