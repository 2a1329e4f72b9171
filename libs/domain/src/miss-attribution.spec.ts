import fc from 'fast-check';
import {
  type AttributedInitiative,
  type AttributedMilestone,
  countMisses,
  missAttribution,
  missedAsAgreed,
} from './miss-attribution';
import { KPI_STATUSES } from './kpi-status';
import { MILESTONE_STATUSES } from './milestones';

const AS_OF = '2027-06-30';

function makeInitiative(overrides: Partial<AttributedInitiative> = {}): AttributedInitiative {
  return { id: 'i1', accountableUserId: 'ceo', responsibleUserId: 'pm', ...overrides };
}

function makeMilestone(overrides: Partial<AttributedMilestone> = {}): AttributedMilestone {
  return {
    id: 'm1',
    initiativeId: 'i1',
    status: 'done',
    dueDate: '2027-06-01',
    doneOn: '2027-05-30',
    ...overrides,
  };
}

describe('missedAsAgreed: a milestone due by t that was not carried out as agreed', () => {
  it.each([
    ['missed', { status: 'missed', doneOn: null }, true],
    ['still planned after its due date', { status: 'planned', doneOn: null }, true],
    ['still in progress after its due date', { status: 'in_progress', doneOn: null }, true],
    ['done a day after its due date', { status: 'done', doneOn: '2027-06-02' }, true],
    ['done on its due date', { status: 'done', doneOn: '2027-06-01' }, false],
    ['done before its due date', { status: 'done', doneOn: '2027-05-01' }, false],
    ['cancelled', { status: 'cancelled', doneOn: null }, false],
  ] as const)('%s: %s', (_label, overrides, expected) => {
    expect(missedAsAgreed(makeMilestone(overrides), AS_OF)).toBe(expected);
  });

  it('ignores a milestone due after t, whatever its state', () => {
    expect(missedAsAgreed(makeMilestone({ dueDate: '2027-07-01', status: 'missed' }), AS_OF)).toBe(
      false,
    );
  });

  it('counts a milestone due exactly on t and still open', () => {
    expect(
      missedAsAgreed(makeMilestone({ dueDate: AS_OF, status: 'in_progress', doneOn: null }), AS_OF),
    ).toBe(true);
  });

  it('reads a milestone done after t as still open at t', () => {
    expect(
      missedAsAgreed(
        makeMilestone({ dueDate: AS_OF, status: 'done', doneOn: '2027-07-02' }),
        AS_OF,
      ),
    ).toBe(true);
  });
});

describe('missAttribution', () => {
  it.each(['on_track', 'no_data'] as const)('gives a KPI %s no attribution', (status) => {
    expect(missAttribution(status, [], [], AS_OF)).toBeNull();
    expect(
      missAttribution(status, [makeInitiative()], [makeMilestone({ status: 'missed' })], AS_OF),
    ).toBeNull();
  });

  it('calls a lagging KPI with no serving initiative unplanned, naming nobody', () => {
    expect(missAttribution('off_track', [], [makeMilestone({ status: 'missed' })], AS_OF)).toEqual({
      miss: 'unplanned',
      lateMilestoneIds: [],
      answerableUserIds: [],
    });
  });

  it('calls it execution when a serving milestone was missed, naming it and the responsible person', () => {
    const result = missAttribution(
      'at_risk',
      [
        makeInitiative(),
        makeInitiative({ id: 'i2', accountableUserId: 'cmo', responsibleUserId: 'lead' }),
      ],
      [
        makeMilestone({ id: 'ok' }),
        makeMilestone({ id: 'late', initiativeId: 'i2', status: 'missed', doneOn: null }),
      ],
      AS_OF,
    );
    expect(result).toEqual({
      miss: 'execution',
      lateMilestoneIds: ['late'],
      answerableUserIds: ['lead'],
    });
  });

  it('calls it strategy when every milestone due was done on time, naming the accountable people once each', () => {
    const result = missAttribution(
      'off_track',
      [
        makeInitiative(),
        makeInitiative({ id: 'i2', responsibleUserId: 'lead' }),
        makeInitiative({ id: 'i3', accountableUserId: 'cmo' }),
      ],
      [makeMilestone(), makeMilestone({ id: 'future', dueDate: '2027-09-01', status: 'planned' })],
      AS_OF,
    );
    expect(result).toEqual({
      miss: 'strategy',
      lateMilestoneIds: [],
      answerableUserIds: ['ceo', 'cmo'],
    });
  });

  it('calls it strategy when nothing was due yet', () => {
    expect(missAttribution('at_risk', [makeInitiative()], [], AS_OF)?.miss).toBe('strategy');
  });

  it("looks only at the serving initiatives' milestones", () => {
    const result = missAttribution(
      'at_risk',
      [makeInitiative()],
      [makeMilestone({ id: 'elsewhere', initiativeId: 'other', status: 'missed', doneOn: null })],
      AS_OF,
    );
    expect(result?.miss).toBe('strategy');
  });

  it('does not blame a cancelled milestone', () => {
    const result = missAttribution(
      'off_track',
      [makeInitiative()],
      [makeMilestone({ status: 'cancelled', doneOn: null })],
      AS_OF,
    );
    expect(result?.miss).toBe('strategy');
  });

  const date = fc
    .integer({ min: 0, max: 400 })
    .map((day) => new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10));
  const milestone = fc.record({
    id: fc.uuid(),
    initiativeId: fc.constantFrom('i1', 'i2', 'i3'),
    status: fc.constantFrom(...MILESTONE_STATUSES),
    dueDate: date,
    doneOn: fc.option(date, { nil: null }),
  });
  const initiatives = fc
    .subarray(['i1', 'i2'], { minLength: 0 })
    .map((ids) =>
      ids.map((id) =>
        makeInitiative({ id, accountableUserId: `a-${id}`, responsibleUserId: `r-${id}` }),
      ),
    );

  it('property: execution exactly when a serving milestone due by t was not carried out as agreed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KPI_STATUSES),
        initiatives,
        fc.array(milestone, { maxLength: 12 }),
        date,
        (status, serving, milestones, asOf) => {
          const result = missAttribution(status, serving, milestones, asOf);
          if (status === 'on_track' || status === 'no_data') return result === null;
          const servingIds = new Set(serving.map((initiative) => initiative.id));
          const late = milestones.filter(
            (item) => servingIds.has(item.initiativeId) && missedAsAgreed(item, asOf),
          );
          if (serving.length === 0) return result?.miss === 'unplanned';
          if (late.length > 0) {
            return (
              result?.miss === 'execution' &&
              result.lateMilestoneIds.length === late.length &&
              result.answerableUserIds.every((id) => id.startsWith('r-'))
            );
          }
          return (
            result?.miss === 'strategy' &&
            result.answerableUserIds.length === serving.length &&
            result.answerableUserIds.every((id) => id.startsWith('a-'))
          );
        },
      ),
    );
  });

  it('property: a later as-of date never turns execution back into strategy for the same milestones', () => {
    fc.assert(
      fc.property(
        initiatives,
        fc.array(milestone, { maxLength: 10 }),
        date,
        date,
        (serving, milestones, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          const before = missAttribution('off_track', serving, milestones, earlier);
          const after = missAttribution('off_track', serving, milestones, later);
          return before?.miss !== 'execution' || after?.miss === 'execution';
        },
      ),
    );
  });
});

describe('countMisses', () => {
  it('counts each side and skips KPIs without attribution', () => {
    expect(countMisses(['strategy', null, 'execution', 'execution', 'unplanned', null])).toEqual({
      strategy: 1,
      execution: 2,
      unplanned: 1,
    });
  });
});
