import Fraction from 'fraction.js';

/**
 * What an assessment reports besides its scores (BRIEF, "Assessments"): "the share of answers
 * backed by evidence and, for the leadership pulse, the spread of ratings and the gap between how
 * effective leaders believe the organisation is and what the evidence-backed answers support."
 */
export interface EvidencedRating {
  value: number;
  hasEvidence: boolean;
}

/** Answers backed by evidence (text, link or figure) over all answers; null with no answer. */
export function evidenceShare(answers: { hasEvidence: boolean }[]): number | null {
  if (answers.length === 0) return null;
  return new Fraction(
    answers.filter((answer) => answer.hasEvidence).length,
    answers.length,
  ).valueOf();
}

export interface RatingSpread {
  count: number;
  min: number;
  max: number;
  /** Population standard deviation of the ratings. */
  standardDeviation: number;
  /** How many respondents gave each rating, 1 to 5. */
  distribution: Record<1 | 2 | 3 | 4 | 5, number>;
}

export function ratingSpread(values: number[]): RatingSpread | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const value of values) distribution[value as 1 | 2 | 3 | 4 | 5] += 1;
  return {
    count: values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    standardDeviation: Math.sqrt(variance),
    distribution,
  };
}

export interface BeliefGap {
  /** The mean of every rating: how effective leaders believe the organisation is. */
  believed: number;
  /** The mean of the ratings backed by evidence: what the evidence supports. */
  supported: number;
  /** believed - supported: above 0, leaders rate the organisation higher than evidence shows. */
  gap: number;
  evidencedRatings: number;
}

/** Null when no rating is backed by evidence: then nothing supports any figure. */
export function beliefGap(ratings: EvidencedRating[]): BeliefGap | null {
  const evidenced = ratings.filter((rating) => rating.hasEvidence);
  if (evidenced.length === 0) return null;
  const believed = exactMean(ratings.map((rating) => rating.value));
  const supported = exactMean(evidenced.map((rating) => rating.value));
  return {
    believed: believed.valueOf(),
    supported: supported.valueOf(),
    gap: believed.sub(supported).valueOf(),
    evidencedRatings: evidenced.length,
  };
}

function exactMean(values: number[]) {
  return values.reduce((sum, value) => sum.add(value), new Fraction(0)).div(values.length);
}

export interface EvidenceCoverage {
  dimension: string;
  answers: number;
  withEvidence: number;
  /** withEvidence / answers: the evidence share of this dimension alone. */
  share: number;
}

/**
 * The evidence share broken down by dimension, so a team sees where its answers rest on evidence
 * and where on opinion; dimensions keep the order in which they first appear.
 */
export function evidenceCoverage(
  answers: { dimension: string; hasEvidence: boolean }[],
): EvidenceCoverage[] {
  const byDimension = new Map<string, { answers: number; withEvidence: number }>();
  for (const answer of answers) {
    const tally = byDimension.get(answer.dimension) ?? { answers: 0, withEvidence: 0 };
    tally.answers += 1;
    if (answer.hasEvidence) tally.withEvidence += 1;
    byDimension.set(answer.dimension, tally);
  }
  return [...byDimension].map(([dimension, tally]) => ({
    dimension,
    ...tally,
    share: new Fraction(tally.withEvidence, tally.answers).valueOf(),
  }));
}
