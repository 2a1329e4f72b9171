import Fraction from 'fraction.js';

type Exact = InstanceType<typeof Fraction>;

/**
 * Maturity scoring of an assessment (BRIEF, "Assessments"):
 *
 * > Scoring: only 1-5 scale questions score. A question's score is the mean of its answers across
 * > respondents; a dimension's score is the mean of its answered questions' scores; the overall
 * > score is the mean of the scores of the dimensions that have any answer; stage = 1 + floor(
 * > (overall - 1) / (4 / 6)), capped at 6 (the boundaries fall at overall = 1 + 2k/3 and are exact).
 *
 * Every mean is kept as an exact fraction (fraction.js), so an overall score of exactly 1 + 2k/3
 * lands on its stage boundary instead of a hair below it; scores become JSON numbers only at the end.
 */
export const MATURITY_STAGES = [
  'Planning',
  'Presence',
  'Engagement',
  'Formalized',
  'Strategic',
  'Converged',
] as const;

export type MaturityStage = 1 | 2 | 3 | 4 | 5 | 6;

export interface ScoredQuestion {
  id: string;
  dimension: string;
  /** Only `scale` (1-5) questions score. */
  kind: string;
}

export interface Rating {
  questionId: string;
  /** An integer from 1 to 5. */
  value: number;
}

export interface DimensionScore {
  dimension: string;
  /** Null when none of the dimension's scale questions has an answer. */
  score: number | null;
  /** How many of the dimension's scale questions have at least one answer. */
  answered: number;
  /** How many scale questions the dimension has. */
  questions: number;
}

export interface AssessmentScore {
  overallScore: number | null;
  stage: MaturityStage | null;
  dimensions: DimensionScore[];
}

export function isScaleRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Scores answers given by any number of respondents to a template's questions. */
export function scoreAssessment(questions: ScoredQuestion[], ratings: Rating[]): AssessmentScore {
  const scale = questions.filter((question) => question.kind === 'scale');
  const byQuestion = new Map<string, number[]>();
  for (const rating of ratings) {
    if (!isScaleRating(rating.value)) throw new RangeError(`not a 1-5 rating: ${rating.value}`);
    byQuestion.set(rating.questionId, [...(byQuestion.get(rating.questionId) ?? []), rating.value]);
  }
  const dimensions = [...new Set(scale.map((question) => question.dimension))];
  const exact = dimensions.map((dimension) => {
    const own = scale.filter((question) => question.dimension === dimension);
    const questionScores = own
      .map((question) => byQuestion.get(question.id))
      .filter((values): values is number[] => values !== undefined && values.length > 0)
      .map((values) => mean(values.map((value) => new Fraction(value))));
    return {
      dimension,
      score: questionScores.length > 0 ? mean(questionScores) : null,
      answered: questionScores.length,
      questions: own.length,
    };
  });
  const answeredDimensions = exact.flatMap((dimension) =>
    dimension.score ? [dimension.score] : [],
  );
  const overall = answeredDimensions.length > 0 ? mean(answeredDimensions) : null;
  return {
    overallScore: overall?.valueOf() ?? null,
    stage: overall ? maturityStage(overall) : null,
    dimensions: exact.map((dimension) => ({
      ...dimension,
      score: dimension.score?.valueOf() ?? null,
    })),
  };
}

/** stage = 1 + floor((overall - 1) / (4/6)), capped at 6; exact for fractions. */
export function maturityStage(overall: Exact | number | string): MaturityStage {
  const score = new Fraction(overall);
  if (score.compare(1) < 0 || score.compare(5) > 0) {
    throw new RangeError(`an overall score is between 1 and 5, not ${score.toFraction()}`);
  }
  const stage = score.sub(1).div(new Fraction(4, 6)).floor().add(1).valueOf();
  return Math.min(stage, 6) as MaturityStage;
}

function mean(values: Exact[]): Exact {
  return values.reduce((sum, value) => sum.add(value), new Fraction(0)).div(values.length);
}
