import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/client';
import type { Question } from './assessments.queries';
import { answersOf, clientErrors, type Draft, serverErrors } from './questionnaire-drafts';

function makeQuestion(overrides: Partial<Question> = {}): Question {
  return { id: 'q-1', evidenceRequired: false, ...overrides } as Question;
}
const draft = (overrides: Partial<Draft> = {}): Draft => ({
  value: 3,
  evidenceText: '',
  evidenceUrl: '',
  ...overrides,
});

describe('questionnaire drafts', () => {
  const questions = [
    makeQuestion({ id: 'q-1' }),
    makeQuestion({ id: 'q-2', evidenceRequired: true }),
    makeQuestion({ id: 'q-3' }),
  ];

  it('sends only answered questions, in question order, with evidence trimmed', () => {
    const answers = answersOf(questions, {
      'q-3': draft({ value: ['a'], evidenceText: '  the renewals report ' }),
      'q-1': draft({ value: '' }),
      'q-2': draft({ value: 4, evidenceUrl: 'https://example.org/report' }),
    });
    expect(answers).toEqual([
      { questionId: 'q-2', value: 4, evidence: { url: 'https://example.org/report' } },
      { questionId: 'q-3', value: ['a'], evidence: { text: 'the renewals report' } },
    ]);
  });

  it('refuses a link that is not http(s), and asks for evidence only on submitting', () => {
    const drafts = {
      'q-1': draft({ evidenceUrl: 'ftp://example.org' }),
      'q-2': draft(),
    };
    expect(clientErrors(questions, drafts, false)).toEqual({
      'q-1': { evidence: 'The link must start with http:// or https://' },
    });
    expect(clientErrors(questions, drafts, true)).toEqual({
      'q-1': { evidence: 'The link must start with http:// or https://' },
      'q-2': { evidence: 'Say on what evidence you answered' },
    });
  });

  it('puts a refusal naming answers.N beside the Nth answered question', () => {
    const answered = [questions[1], questions[2]] as Question[];
    const problem = new ApiProblem({
      type: '/problems/validation-error',
      title: 'The request is not valid',
      status: 400,
      errors: [
        { field: 'answers.1.value', reason: 'must be at most 5' },
        { field: 'answers.0.evidence.url', reason: 'must be a URL' },
        { field: 'answers.7.value', reason: 'no such answer' },
      ],
    });
    expect(serverErrors(problem, answered)).toEqual({
      'q-2': { evidence: 'Must be a URL' },
      'q-3': { value: 'Must be at most 5' },
    });
  });
});
