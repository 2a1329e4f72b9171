import { randomId } from '@mantine/hooks';
import { questionDefinitionProblems, type QuestionKind } from '@roi/domain';
import { asFieldMessage } from '../../ui/form-errors';
import type { Question } from './assessments.queries';
import type { QuestionInput, Template, TemplateInput } from './templates.queries';

/** A question as the editor holds it: every kind's fields at hand, so switching kind loses nothing. */
export interface QuestionValues {
  key: string;
  dimension: string;
  kind: QuestionKind;
  prompt: string;
  anchors: string[];
  options: string[];
  unit: string;
  evidenceRequired: boolean;
}

export interface TemplateValues {
  name: string;
  description: string;
  questions: QuestionValues[];
}

export const KIND_LABELS: Record<QuestionKind, string> = {
  scale: 'Rating, 1 to 5',
  single_choice: 'One choice',
  multiple_choice: 'Several choices',
  number: 'Number (a baseline figure)',
  text: 'Text',
};

export const isChoice = (kind: QuestionKind) =>
  kind === 'single_choice' || kind === 'multiple_choice';

const blankAnchors = () => ['', '', '', '', ''];

export function newQuestion(dimension = ''): QuestionValues {
  return {
    key: randomId(),
    dimension,
    kind: 'scale',
    prompt: '',
    anchors: blankAnchors(),
    options: ['', ''],
    unit: '',
    evidenceRequired: true,
  };
}

function questionValues(question: Question): QuestionValues {
  const anchors = question.anchors ?? [];
  return {
    key: randomId(),
    dimension: question.dimension,
    kind: question.kind as QuestionKind,
    prompt: question.prompt,
    anchors: blankAnchors().map((blank, index) => anchors[index] ?? blank),
    options: question.options?.length ? [...question.options] : ['', ''],
    unit: question.unit ?? '',
    evidenceRequired: question.evidenceRequired,
  };
}

export function templateValues(template: Template | null): TemplateValues {
  if (!template) return { name: '', description: '', questions: [newQuestion()] };
  return {
    name: template.name,
    description: template.description,
    questions: [...template.questions].sort((a, b) => a.position - b.position).map(questionValues),
  };
}

/** What the API is sent: each question carries only the fields its kind uses. */
export function questionInput(values: QuestionValues): QuestionInput {
  return {
    dimension: values.dimension.trim(),
    kind: values.kind,
    prompt: values.prompt.trim(),
    ...(values.kind === 'scale' ? { anchors: values.anchors.map((anchor) => anchor.trim()) } : {}),
    ...(isChoice(values.kind)
      ? { options: values.options.map((option) => option.trim()).filter(Boolean) }
      : {}),
    ...(values.kind === 'number' ? { unit: values.unit.trim() } : {}),
    evidenceRequired: values.evidenceRequired,
  };
}

export function templateInput(values: TemplateValues): TemplateInput {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    questions: values.questions.map(questionInput),
  };
}

const tooLong = (text: string, max: number) => text.length > max && `At most ${max} characters`;

/**
 * The refusals the API would give, found before asking it, keyed by the same field paths
 * (`questions.2.unit`) so they land beside the same inputs as the API's would.
 */
export function templateProblems(values: TemplateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (field: string, reason: string | false | null) => {
    if (reason) errors[field] = reason;
  };
  set('name', !values.name.trim() ? 'Give the template a name' : tooLong(values.name, 120));
  set('description', tooLong(values.description, 1000));
  if (values.questions.length === 0) set('questions', 'A template asks at least one question');
  if (values.questions.length > 100) set('questions', 'At most 100 questions');
  values.questions.forEach((question, index) => {
    const at = `questions.${index}`;
    set(
      `${at}.dimension`,
      !question.dimension.trim() ? 'Name the dimension' : tooLong(question.dimension, 64),
    );
    set(
      `${at}.prompt`,
      !question.prompt.trim() ? 'Write the question' : tooLong(question.prompt, 500),
    );
    if (question.kind === 'scale') {
      question.anchors.forEach((anchor, position) =>
        set(`${at}.anchors.${position}`, !anchor.trim() ? 'Label it' : tooLong(anchor, 80)),
      );
    }
    if (isChoice(question.kind)) {
      question.options.forEach((option, position) =>
        set(`${at}.options.${position}`, tooLong(option, 200)),
      );
    }
    set(`${at}.unit`, question.kind === 'number' && tooLong(question.unit, 64));
    for (const problem of questionDefinitionProblems(questionInput(question))) {
      set(`${at}.${problem.field}`, asFieldMessage(problem.reason));
    }
  });
  return errors;
}
