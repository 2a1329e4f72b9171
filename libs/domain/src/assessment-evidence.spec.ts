import { beliefGap, evidenceCoverage, evidenceShare, ratingSpread } from './assessment-evidence';

describe('evidence and spread of an assessment', () => {
  it('reports the share of answers backed by evidence', () => {
    expect(evidenceShare([])).toBeNull();
    expect(
      evidenceShare([
        { hasEvidence: true },
        { hasEvidence: false },
        { hasEvidence: false },
        { hasEvidence: true },
      ]),
    ).toBe(0.5);
  });

  it('reports the spread of pulse ratings', () => {
    expect(ratingSpread([])).toBeNull();
    expect(ratingSpread([2, 4, 4, 4, 5, 5, 5, 1])).toMatchObject({ count: 8, min: 1, max: 5 });
    const spread = ratingSpread([2, 4, 4, 4]);
    expect(spread?.standardDeviation).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(spread?.distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 3, 5: 0 });
  });

  it('measures how far belief runs ahead of the evidence', () => {
    // Leaders rate 5, 4, 4, 3 (mean 4); only the 3 and one 4 carry evidence (mean 3.5).
    expect(
      beliefGap([
        { value: 5, hasEvidence: false },
        { value: 4, hasEvidence: true },
        { value: 4, hasEvidence: false },
        { value: 3, hasEvidence: true },
      ]),
    ).toEqual({ believed: 4, supported: 3.5, gap: 0.5, evidencedRatings: 2 });
    expect(beliefGap([{ value: 5, hasEvidence: false }])).toBeNull();
  });
});

describe('evidence coverage by dimension', () => {
  it('counts answers and evidence per dimension in the order dimensions first appear', () => {
    expect(
      evidenceCoverage([
        { dimension: 'reach', hasEvidence: true },
        { dimension: 'channels', hasEvidence: false },
        { dimension: 'reach', hasEvidence: false },
        { dimension: 'reach', hasEvidence: true },
      ]),
    ).toEqual([
      { dimension: 'reach', answers: 3, withEvidence: 2, share: 2 / 3 },
      { dimension: 'channels', answers: 1, withEvidence: 0, share: 0 },
    ]);
  });

  it('is empty with no answer', () => {
    expect(evidenceCoverage([])).toEqual([]);
  });
});
