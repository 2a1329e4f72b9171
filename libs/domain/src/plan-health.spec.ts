import fc from 'fast-check';
import {
  initiativeHealth,
  initiativeHealthOfTally,
  worstHealth,
  type PlanHealth,
} from './plan-health';

describe('colours of the strategy map', () => {
  it.each<[PlanHealth[], PlanHealth]>([
    [[], 'no_data'],
    [['no_data', 'no_data'], 'no_data'],
    [['no_data', 'on_track'], 'on_track'],
    [['on_track', 'at_risk', 'no_data'], 'at_risk'],
    [['at_risk', 'off_track', 'on_track'], 'off_track'],
  ])('rolls %j up to %s', (statuses, expected) => {
    expect(worstHealth(statuses)).toBe(expected);
  });

  it('never reports better than any status beneath', () => {
    const statuses = fc.constantFrom<PlanHealth>('no_data', 'on_track', 'at_risk', 'off_track');
    fc.assert(
      fc.property(fc.array(statuses), fc.array(statuses), (left, right) => {
        const all = worstHealth([...left, ...right]);
        return worstHealth([all, worstHealth(left)]) === all;
      }),
    );
  });

  it.each([
    [[], 'no_data'],
    [[{ status: 'cancelled', atRisk: false }], 'no_data'],
    [
      [
        { status: 'done', atRisk: false },
        { status: 'planned', atRisk: false },
      ],
      'on_track',
    ],
    [
      [
        { status: 'in_progress', atRisk: true },
        { status: 'done', atRisk: false },
      ],
      'at_risk',
    ],
    [
      [
        { status: 'missed', atRisk: true },
        { status: 'planned', atRisk: false },
      ],
      'off_track',
    ],
  ] as const)('judges an initiative with milestones %j as %s', (milestones, expected) => {
    expect(initiativeHealth(milestones)).toBe(expected);
  });

  it.each([
    [{ counted: 0, missed: 0, atRisk: 0 }, 'no_data'],
    [{ counted: 25, missed: 0, atRisk: 0 }, 'on_track'],
    [{ counted: 25, missed: 0, atRisk: 3 }, 'at_risk'],
    [{ counted: 25, missed: 1, atRisk: 1 }, 'off_track'],
  ] as const)(
    'judges an initiative from the tally %j as %s, as from the milestones',
    (tally, expected) => {
      expect(initiativeHealthOfTally(tally)).toBe(expected);
    },
  );
});
