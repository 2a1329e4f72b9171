import fc from 'fast-check';
import {
  burnUp,
  countMissCategories,
  dependencyCycleProblem,
  experimentOverdue,
  findDependencyCycle,
  isLate,
  MILESTONE_STATUSES,
  milestoneRisk,
  type MilestoneSchedule,
  type MilestoneStatus,
  MISS_CATEGORIES,
  MISS_CATEGORY_LABELS,
  type MissCategory,
  missCategoryFromReason,
} from './milestones';

const TODAY = '2027-03-10';

function makeMilestone(overrides: Partial<MilestoneSchedule> = {}): MilestoneSchedule {
  return { status: 'planned', dueDate: '2027-03-31', ...overrides };
}

describe('isLate', () => {
  it.each([
    ['planned', '2027-03-09', true],
    ['in_progress', '2027-03-09', true],
    ['planned', TODAY, false],
    ['in_progress', '2027-04-01', false],
    ['done', '2027-03-01', false],
    ['cancelled', '2027-03-01', false],
    ['missed', '2027-03-01', true],
    ['missed', '2027-04-01', true],
  ] as const)('calls a %s milestone due %s late: %s', (status, dueDate, late) => {
    expect(isLate(makeMilestone({ status, dueDate }), TODAY)).toBe(late);
  });

  it('refuses a malformed date', () => {
    expect(() => isLate(makeMilestone({ dueDate: '2027-3-1' }), TODAY)).toThrow(RangeError);
  });
});

describe('milestoneRisk', () => {
  const onTime = makeMilestone();
  const overdue = makeMilestone({ dueDate: '2027-03-01' });
  const none = { dependencies: [], lastCheckIn: null };

  it('is not at risk when on time, with dependencies on time and confident check-ins', () => {
    const context = { dependencies: [onTime], lastCheckIn: { confidence: 'medium' as const } };
    expect(milestoneRisk(onTime, context, TODAY)).toEqual({ atRisk: false, reasons: [] });
  });

  it('is at risk when overdue', () => {
    expect(milestoneRisk(overdue, none, TODAY)).toEqual({ atRisk: true, reasons: ['overdue'] });
  });

  it.each(['missed', 'planned'] as const)(
    'is at risk when it depends on a late (%s) milestone',
    (status) => {
      const late = makeMilestone({ status, dueDate: '2027-03-05' });
      expect(
        milestoneRisk(onTime, { dependencies: [onTime, late], lastCheckIn: null }, TODAY),
      ).toEqual({ atRisk: true, reasons: ['late_dependency'] });
    },
  );

  it('is not held back by a dependency that was done or cancelled after its due date', () => {
    const dependencies = [
      makeMilestone({ status: 'done', dueDate: '2027-01-01' }),
      makeMilestone({ status: 'cancelled', dueDate: '2027-01-01' }),
    ];
    expect(milestoneRisk(onTime, { dependencies, lastCheckIn: null }, TODAY).atRisk).toBe(false);
  });

  it('is at risk when its last check-in has low confidence', () => {
    const context = { dependencies: [], lastCheckIn: { confidence: 'low' as const } };
    expect(milestoneRisk(onTime, context, TODAY)).toEqual({
      atRisk: true,
      reasons: ['low_confidence'],
    });
  });

  it('gives every reason that applies', () => {
    const context = {
      dependencies: [makeMilestone({ status: 'missed' })],
      lastCheckIn: { confidence: 'low' as const },
    };
    expect(milestoneRisk(overdue, context, TODAY).reasons).toEqual([
      'overdue',
      'late_dependency',
      'low_confidence',
    ]);
  });

  it.each(['done', 'cancelled'] as const)('never puts a %s milestone at risk', (status) => {
    const context = {
      dependencies: [makeMilestone({ status: 'missed' })],
      lastCheckIn: { confidence: 'low' as const },
    };
    expect(milestoneRisk({ status, dueDate: '2027-01-01' }, context, TODAY)).toEqual({
      atRisk: false,
      reasons: [],
    });
  });
});

describe('findDependencyCycle', () => {
  it('finds no cycle in a graph without one', () => {
    const graph = [
      { id: 'a', dependsOn: ['b', 'c'] },
      { id: 'b', dependsOn: ['c'] },
      { id: 'c', dependsOn: [] },
      { id: 'd', dependsOn: ['c', 'unknown'] },
    ];
    expect(findDependencyCycle(graph)).toBeNull();
    expect(findDependencyCycle([])).toBeNull();
  });

  it('names the cycle, first id repeated at the end', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findDependencyCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('refuses a milestone depending on itself', () => {
    expect(findDependencyCycle([{ id: 'a', dependsOn: ['a'] }])).toEqual(['a', 'a']);
  });

  it('refuses a dependency that would form a cycle, read from the milestone being changed', () => {
    const graph = [
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['c'] },
      { id: 'c', dependsOn: [] },
    ];
    expect(findDependencyCycle(graph, { id: 'c', dependsOn: ['a'] })).toEqual(['c', 'a', 'b', 'c']);
    expect(findDependencyCycle(graph, { id: 'c', dependsOn: ['d'] })).toBeNull();
  });

  it('lets a proposal replace the dependencies that formed a cycle', () => {
    const graph = [
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['a'] },
    ];
    expect(findDependencyCycle(graph, { id: 'b', dependsOn: [] })).toBeNull();
  });

  it('checks a new milestone that is not yet in the graph', () => {
    const graph = [{ id: 'a', dependsOn: ['new'] }];
    expect(findDependencyCycle(graph, { id: 'new', dependsOn: ['a'] })).toEqual([
      'new',
      'a',
      'new',
    ]);
  });

  it('walks a chain of 5,000 milestones without exhausting the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => ({
      id: `m${i}`,
      dependsOn: i < 4999 ? [`m${i + 1}`] : [],
    }));
    const started = performance.now();
    expect(findDependencyCycle(chain)).toBeNull();
    const cycle = findDependencyCycle(chain, { id: 'm4999', dependsOn: ['m0'] });
    expect(cycle).toHaveLength(5001);
    expect(cycle?.[0]).toBe('m4999');
    expect(cycle?.[1]).toBe('m0');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('visits each milestone once in a dense graph of 5,000', () => {
    // Every milestone depends on the 20 after it (those past the end are unknown ids, leaves):
    // 100,000 edges and no cycle, so a search that revisited milestones would take forever.
    const graph = new Map(
      Array.from({ length: 5000 }, (_, i) => [
        `m${i}`,
        Array.from({ length: 20 }, (_, j) => `m${i + j + 1}`),
      ]),
    );
    const started = performance.now();
    expect(findDependencyCycle(graph)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('dependencyCycleProblem', () => {
  const titles = new Map([
    ['a', 'Brief agency'],
    ['b', 'Draft content'],
  ]);

  it('names the milestones along the cycle', () => {
    expect(dependencyCycleProblem(['a', 'b', 'a'], titles)).toBe(
      'milestone dependencies would form a cycle: Brief agency → Draft content → Brief agency',
    );
    expect(dependencyCycleProblem(['a', 'x', 'a'], { a: 'Brief agency' })).toBe(
      'milestone dependencies would form a cycle: Brief agency → x → Brief agency',
    );
  });

  it('says so when a milestone would depend on itself', () => {
    expect(dependencyCycleProblem(['a', 'a'], titles)).toBe(
      'a milestone cannot depend on itself: Brief agency',
    );
  });

  it('has nothing to say without a cycle', () => {
    expect(dependencyCycleProblem(null, titles)).toBeNull();
  });
});

describe('burnUp', () => {
  const milestones = [
    { status: 'done' as const, dueDate: '2027-01-05', doneOn: '2027-01-04' },
    { status: 'done' as const, dueDate: '2027-01-10', doneOn: '2027-01-15' },
    { status: 'in_progress' as const, dueDate: '2027-01-12', doneOn: null },
    { status: 'cancelled' as const, dueDate: '2027-01-03', doneOn: null },
    { status: 'missed' as const, dueDate: '2027-01-20', doneOn: null },
    { status: 'planned' as const, dueDate: '2027-02-01', doneOn: null },
  ];

  it('counts planned and done milestones every week, and on the last day', () => {
    expect(burnUp(milestones, '2027-01-01', '2027-01-24')).toEqual([
      { date: '2027-01-01', planned: 0, done: 0 },
      { date: '2027-01-08', planned: 1, done: 1 },
      { date: '2027-01-15', planned: 3, done: 2 },
      { date: '2027-01-22', planned: 4, done: 2 },
      { date: '2027-01-24', planned: 4, done: 2 },
    ]);
  });

  it('steps by the days asked for, counting a milestone on its own day', () => {
    expect(burnUp(milestones, '2027-01-04', '2027-01-12', 4)).toEqual([
      { date: '2027-01-04', planned: 0, done: 1 },
      { date: '2027-01-08', planned: 1, done: 1 },
      { date: '2027-01-12', planned: 3, done: 1 },
    ]);
    expect(burnUp([], '2027-01-01', '2027-01-01')).toEqual([
      { date: '2027-01-01', planned: 0, done: 0 },
    ]);
  });

  it('refuses a period that ends before it starts, and a step that is not whole days', () => {
    expect(() => burnUp(milestones, '2027-02-01', '2027-01-01')).toThrow(RangeError);
    expect(() => burnUp(milestones, '2027-01-01', '2027-02-01', 0)).toThrow(RangeError);
    expect(() => burnUp(milestones, '2027-01-01', '2027-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('experimentOverdue', () => {
  it.each([
    ['2027-03-09', null, true],
    [TODAY, null, false],
    ['2027-03-11', null, false],
    ['2027-03-01', 'invalidated', false],
    ['2027-03-01', 'inconclusive', false],
    [null, null, false],
  ] as const)('with decision date %s and outcome %s is overdue: %s', (date, outcome, overdue) => {
    expect(experimentOverdue({ decisionDate: date, outcome }, TODAY)).toBe(overdue);
  });
});

describe('miss categories', () => {
  it('labels every category', () => {
    expect(MISS_CATEGORIES.map((category) => MISS_CATEGORY_LABELS[category])).toEqual([
      'Resources',
      'Dependency',
      'Scope change',
      'External',
      'Strategy changed',
      'Other',
    ]);
  });

  it.each([
    ['external', 'external'],
    ['plan', 'strategy_changed'],
    ['execution', 'other'],
  ] as const)('files a milestone missed for the reason %s under %s', (reason, category) => {
    expect(missCategoryFromReason(reason)).toBe(category);
  });
});

describe('countMissCategories', () => {
  const missed = (missCategory: MissCategory | null) => ({
    status: 'missed' as const,
    missCategory,
  });

  it('gives every category, at zero without missed milestones', () => {
    expect(countMissCategories([])).toEqual({
      resources: 0,
      dependency: 0,
      scope_change: 0,
      external: 0,
      strategy_changed: 0,
      other: 0,
    });
  });

  it('counts missed milestones by category, and one without a category as other', () => {
    expect(
      countMissCategories([
        missed('dependency'),
        missed('dependency'),
        missed('scope_change'),
        missed(null),
        missed('other'),
      ]),
    ).toEqual({
      resources: 0,
      dependency: 2,
      scope_change: 1,
      external: 0,
      strategy_changed: 0,
      other: 2,
    });
  });

  it('leaves out milestones that are not missed, whatever category they carry', () => {
    const others = MILESTONE_STATUSES.filter((status) => status !== 'missed').map((status) => ({
      status,
      missCategory: 'resources' as const,
    }));
    expect(countMissCategories([...others, missed('resources')]).resources).toBe(1);
  });
});

describe('milestone properties', () => {
  /** A DAG: milestone i may only depend on milestones after it in a shuffled order. */
  const dag = fc
    .integer({ min: 1, max: 40 })
    .chain((size) =>
      fc.tuple(
        fc.shuffledSubarray(
          Array.from({ length: size }, (_, i) => `m${i}`),
          { minLength: size, maxLength: size },
        ),
        fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
      ),
    )
    .map(([order, pairs]) => {
      const edges = new Map(order.map((id) => [id, [] as string[]]));
      for (const [x, y] of pairs) {
        if (x < y) edges.get(order[x]!)!.push(order[y]!);
      }
      return { order, edges };
    });

  it('finds no cycle in any graph that has a topological order', () => {
    fc.assert(fc.property(dag, ({ edges }) => findDependencyCycle(edges) === null));
  });

  it('finds a real cycle once an edge back up the order is added', () => {
    fc.assert(
      fc.property(dag, fc.nat(), fc.nat(), ({ order, edges }, p, q) => {
        // Make sure a path from x down to y exists, then close it with y -> x.
        const [x, y] = [p % order.length, q % order.length].sort((a, b) => a - b) as [
          number,
          number,
        ];
        for (let i = x; i < y; i++) edges.get(order[i]!)!.push(order[i + 1]!);
        const proposed = { id: order[y]!, dependsOn: [...edges.get(order[y]!)!, order[x]!] };
        const cycle = findDependencyCycle(edges, proposed);
        if (!cycle) return false;
        edges.set(proposed.id, proposed.dependsOn);
        const ring = cycle.slice(0, -1);
        return (
          cycle[0] === proposed.id &&
          cycle[0] === cycle[cycle.length - 1] &&
          new Set(ring).size === ring.length &&
          cycle.slice(1).every((to, i) => edges.get(cycle[i]!)!.includes(to))
        );
      }),
    );
  });

  it('never lets the burn-up go down, nor count more than there are', () => {
    const statuses: MilestoneStatus[] = ['planned', 'in_progress', 'done', 'missed', 'cancelled'];
    const date = fc
      .integer({ min: 0, max: 120 })
      .map((offset) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10));
    const milestone = fc.record({
      status: fc.constantFrom(...statuses),
      dueDate: date,
      doneOn: fc.option(date),
    });
    fc.assert(
      fc.property(
        fc.array(milestone, { maxLength: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (all, step) => {
          const series = burnUp(all, '2027-01-15', '2027-04-01', step);
          const last = series[series.length - 1]!;
          return (
            series.every(
              (point, i) =>
                i === 0 ||
                (point.planned >= series[i - 1]!.planned && point.done >= series[i - 1]!.done),
            ) &&
            last.date === '2027-04-01' &&
            last.planned <= all.filter((m) => m.status !== 'cancelled').length &&
            last.done <= all.filter((m) => m.status === 'done').length
          );
        },
      ),
    );
  });
});
