import {
  type AccountabilityInitiative,
  type AccountabilityPerson,
  accountabilityMap,
  BOTH_ROLES_GAP_THRESHOLD,
  isOpenMilestone,
  openMilestonesByInitiative,
} from './accountability';
import { toDecimalString } from './money-format';
import { MILESTONE_STATUSES } from './milestones';
import type { Role } from './roles';

const person = (userId: string, role: Role | null = 'executive'): AccountabilityPerson => ({
  userId,
  name: `Person ${userId}`,
  role,
});

let made = 0;
function makeInitiative(overrides: Partial<AccountabilityInitiative> = {}) {
  made += 1;
  return {
    id: `i${made}`,
    code: `I-${made}`,
    name: `Initiative ${made}`,
    accountableUserId: 'ceo',
    responsibleUserId: 'pm',
    budget: '0',
    openMilestones: 0,
    ...overrides,
  } satisfies AccountabilityInitiative;
}

const TEAM = [person('ceo', 'owner'), person('pm', 'program_manager')];
const kinds = (map: ReturnType<typeof accountabilityMap>) => map.gaps.map((gap) => gap.kind);

describe('isOpenMilestone: neither done nor cancelled', () => {
  it.each([
    ['planned', true],
    ['in_progress', true],
    ['missed', true],
    ['done', false],
    ['cancelled', false],
  ] as const)('%s is open: %s', (status, open) => {
    expect(isOpenMilestone(status)).toBe(open);
  });

  it('knows every milestone status', () => {
    expect(MILESTONE_STATUSES.filter(isOpenMilestone)).toEqual([
      'planned',
      'in_progress',
      'missed',
    ]);
  });

  it('sums the open counts of each initiative from counts by status', () => {
    const open = openMilestonesByInitiative([
      { initiativeId: 'a', status: 'planned', count: 2 },
      { initiativeId: 'a', status: 'missed', count: 1 },
      { initiativeId: 'a', status: 'done', count: 5 },
      { initiativeId: 'b', status: 'cancelled', count: 3 },
    ]);
    expect([...open]).toEqual([['a', 3]]);
  });
});

describe('nobody responsible: the responsible person has no membership', () => {
  it.each([
    ['a member of any role', 'contributor' as Role | null, false],
    ['a board member, still a member', 'board_member' as Role | null, false],
    ['someone whose membership was removed', null, true],
  ])('%s (%s) responsible: flagged %s', (_label, role, flagged) => {
    const initiative = makeInitiative({ responsibleUserId: 'x' });
    const map = accountabilityMap([...TEAM, person('x', role)], [initiative]);
    expect(kinds(map).includes('nobody_responsible')).toBe(flagged);
  });

  it('flags a person the initiatives name but the people list does not hold', () => {
    const initiative = makeInitiative({ responsibleUserId: 'gone' });
    const map = accountabilityMap(TEAM, [initiative]);
    expect(map.gaps).toEqual([
      expect.objectContaining({
        kind: 'nobody_responsible',
        initiativeId: initiative.id,
        userId: 'gone',
      }),
    ]);
    expect(map.people.find((p) => p.userId === 'gone')).toMatchObject({
      role: null,
      external: false,
      responsibleFor: [initiative.id],
    });
  });

  it('names the initiative and the person who left in its message', () => {
    const initiative = makeInitiative({
      code: 'G-INBOX',
      name: 'Shared inbox',
      responsibleUserId: 'x',
    });
    const [gap] = accountabilityMap([...TEAM, person('x', null)], [initiative]).gaps;
    expect(gap?.message).toBe(
      'G-INBOX Shared inbox has nobody responsible for execution: Person x is no longer a member of the organisation. Name a member responsible.',
    );
  });

  it('flags the accountable side alike, as nobody accountable', () => {
    const initiative = makeInitiative({ accountableUserId: 'x' });
    const map = accountabilityMap([...TEAM, person('x', null)], [initiative]);
    expect(kinds(map)).toEqual(['nobody_accountable']);
  });
});

describe('a consultant accountable', () => {
  it.each([
    ['consultant', true],
    ['owner', false],
    ['executive', false],
    ['program_manager', false],
    ['contributor', false],
    ['board_member', false],
  ] as const)('%s accountable: flagged %s', (role, flagged) => {
    const initiative = makeInitiative({ accountableUserId: 'x' });
    const map = accountabilityMap([...TEAM, person('x', role)], [initiative]);
    expect(kinds(map)).toEqual(flagged ? ['consultant_accountable'] : []);
  });

  it('names the initiative and the consultant in its message', () => {
    const initiative = makeInitiative({ code: 'G-POD', name: 'Podcast', accountableUserId: 'x' });
    const [gap] = accountabilityMap([...TEAM, person('x', 'consultant')], [initiative]).gaps;
    expect(gap?.message).toBe(
      "G-POD Podcast has an outside consultant accountable (Person x). The adviser and the organisation's own people should both answer for results: make a leader of the organisation accountable, with the consultant advising.",
    );
  });

  it('does not flag a consultant responsible for execution', () => {
    const initiative = makeInitiative({ responsibleUserId: 'x' });
    expect(accountabilityMap([...TEAM, person('x', 'consultant')], [initiative]).gaps).toEqual([]);
  });

  it('marks the consultant external on the map', () => {
    const map = accountabilityMap([person('x', 'consultant')], []);
    expect(map.people).toEqual([expect.objectContaining({ userId: 'x', external: true })]);
  });
});

describe('both roles on many initiatives', () => {
  it('sets the threshold at three initiatives', () => {
    expect(BOTH_ROLES_GAP_THRESHOLD).toBe(3);
  });

  it.each([
    [0, false],
    [1, false],
    [BOTH_ROLES_GAP_THRESHOLD - 1, false],
    [BOTH_ROLES_GAP_THRESHOLD, true],
    [BOTH_ROLES_GAP_THRESHOLD + 1, true],
  ])('holding both roles on %i initiatives: flagged %s', (count, flagged) => {
    const initiatives = Array.from({ length: count }, () =>
      makeInitiative({ accountableUserId: 'ceo', responsibleUserId: 'ceo' }),
    );
    // Split initiatives never count towards the threshold, however many.
    initiatives.push(makeInitiative(), makeInitiative(), makeInitiative());
    const map = accountabilityMap(TEAM, initiatives);
    expect(kinds(map)).toEqual(flagged ? ['both_roles_on_many'] : []);
  });

  it('counts only initiatives where the same person holds both roles', () => {
    // Accountable on three and responsible on three others: split every time, no gap.
    const initiatives = [
      ...Array.from({ length: 3 }, () => makeInitiative({ accountableUserId: 'ceo' })),
      ...Array.from({ length: 3 }, () =>
        makeInitiative({ accountableUserId: 'pm', responsibleUserId: 'ceo' }),
      ),
    ];
    expect(accountabilityMap(TEAM, initiatives).gaps).toEqual([]);
  });

  it('names the person and the initiatives, and is about the person only', () => {
    const initiatives = ['A', 'B', 'C'].map((code) =>
      makeInitiative({ code, accountableUserId: 'pm', responsibleUserId: 'pm' }),
    );
    const [gap] = accountabilityMap(TEAM, initiatives).gaps;
    expect(gap).toEqual({
      kind: 'both_roles_on_many',
      userId: 'pm',
      message: expect.stringContaining(
        'Person pm is both accountable and responsible on 3 initiatives (A, B, C)',
      ),
    });
  });

  it('leaves out someone without a membership: their initiatives are flagged already', () => {
    const initiatives = Array.from({ length: 3 }, () =>
      makeInitiative({ accountableUserId: 'x', responsibleUserId: 'x' }),
    );
    const map = accountabilityMap([...TEAM, person('x', null)], initiatives);
    expect(kinds(map)).not.toContain('both_roles_on_many');
    expect(kinds(map).filter((kind) => kind === 'nobody_responsible')).toHaveLength(3);
  });
});

describe('a person’s load', () => {
  it('counts an initiative held in both roles once, with its budget and open milestones once', () => {
    const both = makeInitiative({
      accountableUserId: 'ceo',
      responsibleUserId: 'ceo',
      budget: '0.10',
      openMilestones: 2,
    });
    const accountable = makeInitiative({ budget: '0.20', openMilestones: 1 });
    const other = makeInitiative({
      accountableUserId: 'pm',
      responsibleUserId: 'pm',
      budget: '99',
      openMilestones: 7,
    });
    const map = accountabilityMap(TEAM, [both, accountable, other]);
    const ceo = map.people.find((p) => p.userId === 'ceo')!;
    expect(ceo.accountableFor).toEqual([both.id, accountable.id]);
    expect(ceo.responsibleFor).toEqual([both.id]);
    expect(ceo.load.initiatives).toBe(2);
    expect(ceo.load.openMilestones).toBe(3);
    // Exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
    expect(toDecimalString(ceo.load.budget)).toBe('0.3');
  });

  it('sums large budgets to the last digit', () => {
    const initiatives = ['9999999999999999.9999', '0.0001'].map((budget) =>
      makeInitiative({ budget }),
    );
    const ceo = accountabilityMap(TEAM, initiatives).people.find((p) => p.userId === 'ceo')!;
    expect(toDecimalString(ceo.load.budget)).toBe('10000000000000000');
  });

  it('shows a member who holds nothing with no load', () => {
    const map = accountabilityMap([...TEAM, person('board', 'board_member')], [makeInitiative()]);
    expect(map.people.find((p) => p.userId === 'board')).toMatchObject({
      accountableFor: [],
      responsibleFor: [],
      load: { initiatives: 0, openMilestones: 0 },
    });
  });

  it('keeps the people in the order given', () => {
    const map = accountabilityMap([person('b'), person('a')], []);
    expect(map.people.map((p) => p.userId)).toEqual(['b', 'a']);
  });
});
