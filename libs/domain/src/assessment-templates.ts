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

/** A question as an organisation writes it into its own template. */
export interface QuestionDefinition {
  dimension: string;
  kind: QuestionKind;
  prompt: string;
  anchors?: readonly string[] | null;
  options?: readonly string[] | null;
  unit?: string | null;
}

export const TEMPLATE_MAX_QUESTIONS = 100;

/**
 * What is wrong with a written question, field by field: a scale names its five anchors (the
 * labels respondents rate against), a choice offers at least two distinct options, a number says
 * its unit, and only the kinds that use them carry anchors, options or a unit.
 */
export function questionDefinitionProblems(
  question: QuestionDefinition,
): { field: 'anchors' | 'options' | 'unit'; reason: string }[] {
  const problems: { field: 'anchors' | 'options' | 'unit'; reason: string }[] = [];
  const anchors = question.anchors ?? [];
  const options = question.options ?? [];
  const unit = (question.unit ?? '').trim();
  if (question.kind === 'scale') {
    if (anchors.length !== 5 || anchors.some((anchor) => !anchor.trim())) {
      problems.push({ field: 'anchors', reason: 'a scale needs five labels, for 1 to 5' });
    }
  } else if (anchors.length > 0) {
    problems.push({ field: 'anchors', reason: 'only a 1-5 scale has anchors' });
  }
  if (question.kind === 'single_choice' || question.kind === 'multiple_choice') {
    const distinct = new Set(options.map((option) => option.trim()));
    if (options.length < 2 || distinct.size !== options.length || distinct.has('')) {
      problems.push({ field: 'options', reason: 'a choice needs at least two distinct options' });
    }
  } else if (options.length > 0) {
    problems.push({ field: 'options', reason: 'only a choice has options' });
  }
  if (question.kind === 'number') {
    if (!unit) problems.push({ field: 'unit', reason: 'a number says its unit' });
  } else if (unit) {
    problems.push({ field: 'unit', reason: 'only a number has a unit' });
  }
  return problems;
}
