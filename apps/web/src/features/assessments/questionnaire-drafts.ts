import { hasEvidence } from '@roi/domain';
import type { ApiProblem, Schemas } from '../../api/client';
import { asFieldMessage } from '../../ui/form-errors';
import type { Answer, Question } from './assessments.queries';

/** An answer as it was saved: in a member's own response or behind a response link. */
export type SavedAnswer = Schemas['MyAnswerDto'];

/** One question's answer as the respondent is writing it. */
export interface Draft {
  value: unknown;
  evidenceText: string;
  evidenceUrl: string;
}

export interface QuestionErrors {
  value?: string;
  evidence?: string;
}

export const EMPTY_DRAFT: Draft = { value: undefined, evidenceText: '', evidenceUrl: '' };

export const isAnswered = (draft: Draft | undefined) =>
  draft !== undefined &&
  draft.value !== undefined &&
  draft.value !== '' &&
  !(Array.isArray(draft.value) && draft.value.length === 0);

const isHttpLink = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** The saved answers as drafts, by question id. */
export function draftsOf(saved: readonly SavedAnswer[]): Record<string, Draft> {
  return Object.fromEntries(
    saved.map((answer) => [
      answer.questionId,
      {
        value: answer.value,
        evidenceText: answer.evidence?.text ?? '',
        evidenceUrl: answer.evidence?.url ?? '',
      },
    ]),
  );
}

/** The answered questions, in question order, so a refusal naming `answers.N` finds its question. */
export const answeredQuestions = (questions: Question[], drafts: Record<string, Draft>) =>
  questions.filter((question) => isAnswered(drafts[question.id]));

/** What is sent: the answered questions, evidence trimmed and left out when empty. */
export function answersOf(questions: Question[], drafts: Record<string, Draft>): Answer[] {
  return answeredQuestions(questions, drafts).map((question) => {
    const draft = drafts[question.id] ?? EMPTY_DRAFT;
    const text = draft.evidenceText.trim();
    const url = draft.evidenceUrl.trim();
    return {
      questionId: question.id,
      value: draft.value as Answer['value'],
      ...(text || url ? { evidence: { ...(text ? { text } : {}), ...(url ? { url } : {}) } } : {}),
    };
  });
}

/** What the API would refuse, found before asking it. */
export function clientErrors(
  questions: Question[],
  drafts: Record<string, Draft>,
  submitting: boolean,
): Record<string, QuestionErrors> {
  const found: Record<string, QuestionErrors> = {};
  for (const question of questions) {
    const draft = drafts[question.id];
    if (!draft) continue;
    const url = draft.evidenceUrl.trim();
    if (url && !isHttpLink(url)) {
      found[question.id] = { evidence: 'The link must start with http:// or https://' };
    } else if (
      submitting &&
      question.evidenceRequired &&
      isAnswered(draft) &&
      !hasEvidence({ text: draft.evidenceText, url })
    ) {
      found[question.id] = { evidence: 'Say on what evidence you answered' };
    }
  }
  return found;
}

/**
 * A refusal of the API beside the questions it names (`answers.2.value`, `answers.0.evidence.url`):
 * `answers.N` counts the answered questions only, as they were sent.
 */
export function serverErrors(
  error: ApiProblem,
  answered: Question[],
): Record<string, QuestionErrors> {
  const found: Record<string, QuestionErrors> = {};
  for (const [field, reason] of Object.entries(error.fieldErrors())) {
    const match = /^answers\.(\d+)\.(value|evidence)/.exec(field);
    const question = match && answered[Number(match[1])];
    if (!question) continue;
    found[question.id] = {
      ...found[question.id],
      [match[2] as 'value' | 'evidence']: asFieldMessage(reason),
    };
  }
  return found;
}
