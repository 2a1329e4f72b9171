import fc from 'fast-check';
import Fraction from 'fraction.js';
import { maturityStage, scoreAssessment, type ScoredQuestion } from './assessment-scoring';

const questions: ScoredQuestion[] = [
  { id: 'l1', dimension: 'leadership commitment', kind: 'scale' },
  { id: 'l2', dimension: 'leadership commitment', kind: 'scale' },
  { id: 'm1', dimension: 'measurement and ROI', kind: 'scale' },
  { id: 'g1', dimension: 'governance and structure', kind: 'scale' },
  { id: 't1', dimension: 'leadership commitment', kind: 'text' },
];

describe('scoreAssessment', () => {
  it('averages answers per question, questions per dimension, dimensions overall', () => {
    // l1: (4 + 5) / 2 = 4.5; l2: 2; leadership = (4.5 + 2) / 2 = 3.25
    // m1: (1 + 2 + 3) / 3 = 2; governance has no answer and does not count
    // overall = (3.25 + 2) / 2 = 2.625 -> stage 1 + floor(1.625 / (2/3)) = 1 + floor(2.4375) = 3
    const score = scoreAssessment(questions, [
      { questionId: 'l1', value: 4 },
      { questionId: 'l1', value: 5 },
      { questionId: 'l2', value: 2 },
      { questionId: 'm1', value: 1 },
      { questionId: 'm1', value: 2 },
      { questionId: 'm1', value: 3 },
    ]);
    expect(score).toEqual({
      overallScore: 2.625,
      stage: 3,
      dimensions: [
        { dimension: 'leadership commitment', score: 3.25, answered: 2, questions: 2 },
        { dimension: 'measurement and ROI', score: 2, answered: 1, questions: 1 },
        { dimension: 'governance and structure', score: null, answered: 0, questions: 1 },
      ],
    });
  });

  it('leaves an unanswered question out of its dimension instead of counting it as zero', () => {
    const score = scoreAssessment(questions, [{ questionId: 'l1', value: 5 }]);
    expect(score.dimensions[0]).toEqual({
      dimension: 'leadership commitment',
      score: 5,
      answered: 1,
      questions: 2,
    });
    expect(score.overallScore).toBe(5);
    expect(score.stage).toBe(6);
  });

  it('gives no score and no stage when nothing scale-like was answered', () => {
    expect(scoreAssessment(questions, [])).toMatchObject({ overallScore: null, stage: null });
  });

  it('refuses a rating outside 1-5', () => {
    expect(() => scoreAssessment(questions, [{ questionId: 'l1', value: 6 }])).toThrow(RangeError);
    expect(() => scoreAssessment(questions, [{ questionId: 'l1', value: 2.5 }])).toThrow(
      RangeError,
    );
  });

  it('lands exactly on a stage boundary that floating point would miss', () => {
    // Leadership: l1 (1, 1, 2) -> 4/3 and l2 (2) -> 2, so 5/3; measurement: m1 (3) -> 3.
    // Overall (5/3 + 3) / 2 = 7/3 = 1 + 2 * 2/3, a boundary: stage 3.
    const ratings = [1, 1, 2].map((value) => ({ questionId: 'l1', value }));
    const score = scoreAssessment(questions, [
      ...ratings,
      { questionId: 'l2', value: 2 },
      { questionId: 'm1', value: 3 },
    ]);
    expect(score.stage).toBe(3);
    // The same means in floating point give 2.333333333333333, a hair short: stage 2.
    const floating = ((4 / 3 + 2) / 2 + 3) / 2;
    expect(1 + Math.floor((floating - 1) / (4 / 6))).toBe(2);
  });
});

describe('maturityStage', () => {
  it.each([
    ['1', 1],
    ['5/3', 2],
    ['29/18', 1],
    ['7/3', 3],
    ['3', 4],
    ['11/3', 5],
    ['13/3', 6],
    ['5', 6],
    ['4.33', 5],
  ])('places an overall score of %s at stage %i', (overall, stage) => {
    expect(maturityStage(overall)).toBe(stage);
  });

  it('places every boundary 1 + 2k/3 exactly at stage k + 1 (capped at 6)', () => {
    for (let k = 0; k <= 6; k++) {
      expect(maturityStage(new Fraction(1).add(new Fraction(2 * k, 3)).toFraction())).toBe(
        Math.min(k + 1, 6),
      );
    }
  });

  it('refuses an overall score outside 1-5', () => {
    expect(() => maturityStage(0.9)).toThrow(RangeError);
    expect(() => maturityStage(5.01)).toThrow(RangeError);
  });
});

describe('scoring properties', () => {
  const answers = fc.array(
    fc.record({
      questionId: fc.constantFrom('l1', 'l2', 'm1', 'g1'),
      value: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 60 },
  );

  it('keeps the overall score within 1-5 and the stage within 1-6, for any answers', () => {
    fc.assert(
      fc.property(answers, (ratings) => {
        const { overallScore, stage } = scoreAssessment(questions, ratings);
        if (ratings.length === 0) return overallScore === null && stage === null;
        return overallScore! >= 1 && overallScore! <= 5 && stage! >= 1 && stage! <= 6;
      }),
    );
  });

  it('never lowers the stage when one answer is raised', () => {
    fc.assert(
      fc.property(
        answers.filter((ratings) => ratings.length > 0),
        fc.nat(),
        (ratings, pick) => {
          const index = pick % ratings.length;
          const raised = ratings.map((rating, at) =>
            at === index ? { ...rating, value: Math.min(5, rating.value + 1) } : rating,
          );
          return (
            scoreAssessment(questions, raised).stage! >= scoreAssessment(questions, ratings).stage!
          );
        },
      ),
    );
  });
});
