import { answerProblem, hasEvidence, questionDefinitionProblems } from './assessment-templates';

describe('answers to assessment questions', () => {
  it('takes a whole 1-5 rating for a scale question and nothing else', () => {
    expect(answerProblem({ kind: 'scale' }, 4)).toBeNull();
    for (const value of [0, 6, 2.5, '4', null]) {
      expect(answerProblem({ kind: 'scale' }, value)).toBe('must be a whole number from 1 to 5');
    }
  });

  it('takes the options of choice questions only', () => {
    const question = { kind: 'multiple_choice' as const, options: ['Blogs', 'Communities'] };
    expect(answerProblem(question, ['Blogs'])).toBeNull();
    expect(answerProblem(question, ['Blogs', 'Blogs'])).not.toBeNull();
    expect(answerProblem(question, ['Podcasts'])).not.toBeNull();
    expect(
      answerProblem({ kind: 'single_choice', options: ['Yes', 'No'] }, 'Maybe'),
    ).not.toBeNull();
  });

  it('takes numbers and non-empty text', () => {
    expect(answerProblem({ kind: 'number' }, 12_400)).toBeNull();
    expect(answerProblem({ kind: 'number' }, Number.NaN)).not.toBeNull();
    expect(answerProblem({ kind: 'text' }, '  ')).not.toBeNull();
  });

  it('counts any of text, link or figure as evidence', () => {
    expect(hasEvidence({ url: 'https://example.org/report' })).toBe(true);
    expect(hasEvidence({ figure: 0 })).toBe(true);
    expect(hasEvidence({ text: '   ' })).toBe(false);
    expect(hasEvidence(undefined)).toBe(false);
  });
});

describe('a question an organisation writes', () => {
  const five = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'];

  it.each([
    { question: { dimension: 'd', kind: 'scale', prompt: 'p', anchors: five }, fields: [] },
    {
      question: { dimension: 'd', kind: 'scale', prompt: 'p', anchors: five.slice(1) },
      fields: ['anchors'],
    },
    {
      question: { dimension: 'd', kind: 'single_choice', prompt: 'p', options: ['Yes', 'No'] },
      fields: [],
    },
    {
      question: { dimension: 'd', kind: 'multiple_choice', prompt: 'p', options: ['Yes', 'Yes'] },
      fields: ['options'],
    },
    { question: { dimension: 'd', kind: 'number', prompt: 'p', unit: 'followers' }, fields: [] },
    { question: { dimension: 'd', kind: 'number', prompt: 'p' }, fields: ['unit'] },
    {
      question: { dimension: 'd', kind: 'text', prompt: 'p', unit: 'x', options: ['a', 'b'] },
      fields: ['options', 'unit'],
    },
  ] as const)('$question.kind with $fields wrong', ({ question, fields }) => {
    expect(questionDefinitionProblems(question).map((problem) => problem.field)).toEqual(fields);
  });
});
