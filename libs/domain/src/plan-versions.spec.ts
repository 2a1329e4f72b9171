import fc from 'fast-check';
import {
  diffPlanSnapshots,
  sameFieldValue,
  type PlanSnapshot,
  type SnapshotEntity,
} from './plan-versions';

function makeEntity(overrides: Partial<SnapshotEntity> = {}): SnapshotEntity {
  return {
    id: 'k1',
    label: 'Qualified leads',
    fields: { target: 120, unit: 'leads' },
    ...overrides,
  };
}

describe('diffPlanSnapshots', () => {
  it('finds nothing between a snapshot and itself', () => {
    const snapshot: PlanSnapshot = { kpi: [makeEntity()], milestone: [] };
    expect(diffPlanSnapshots(snapshot, snapshot)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists added and removed entities by type', () => {
    const before: PlanSnapshot = {
      objective: [makeEntity({ id: 'o1', label: 'Grow pipeline' })],
      kpi: [makeEntity()],
    };
    const after: PlanSnapshot = {
      objective: [makeEntity({ id: 'o1', label: 'Grow pipeline' })],
      milestone: [makeEntity({ id: 'm1', label: 'Launch webinar', fields: {} })],
    };
    expect(diffPlanSnapshots(before, after)).toEqual({
      added: [{ type: 'milestone', id: 'm1', label: 'Launch webinar' }],
      removed: [{ type: 'kpi', id: 'k1', label: 'Qualified leads' }],
      changed: [],
    });
  });

  it('lists each changed field with its values before and after', () => {
    const before = { kpi: [makeEntity()] };
    const after = {
      kpi: [makeEntity({ label: 'Sales-qualified leads', fields: { target: 150, unit: 'leads' } })],
    };
    expect(diffPlanSnapshots(before, after).changed).toEqual([
      {
        type: 'kpi',
        id: 'k1',
        label: 'Sales-qualified leads',
        fields: [{ field: 'target', before: 120, after: 150 }],
      },
    ]);
  });

  it('reports a field that appears or disappears', () => {
    const before = { kpi: [makeEntity({ fields: { unit: 'leads', source: 'CRM' } })] };
    const after = { kpi: [makeEntity({ fields: { unit: 'leads', owner: 'ana' } })] };
    expect(diffPlanSnapshots(before, after).changed[0]?.fields).toEqual([
      { field: 'source', before: 'CRM', after: undefined },
      { field: 'owner', before: undefined, after: 'ana' },
    ]);
  });

  it('compares objects whatever their key order, and arrays in order', () => {
    const before = {
      initiative: [
        makeEntity({
          fields: { budget: { amount: '5000.00', currency: 'EUR' }, channels: ['x', 'y'] },
        }),
      ],
    };
    const reordered = {
      initiative: [
        makeEntity({
          fields: { channels: ['x', 'y'], budget: { currency: 'EUR', amount: '5000.00' } },
        }),
      ],
    };
    const swapped = {
      initiative: [
        makeEntity({
          fields: { budget: { amount: '5000.00', currency: 'EUR' }, channels: ['y', 'x'] },
        }),
      ],
    };
    expect(diffPlanSnapshots(before, reordered).changed).toEqual([]);
    expect(diffPlanSnapshots(before, swapped).changed[0]?.fields).toEqual([
      { field: 'channels', before: ['x', 'y'], after: ['y', 'x'] },
    ]);
  });

  it('ignores a label change alone: the label is for display, the fields carry the plan', () => {
    const after = { kpi: [makeEntity({ label: 'Leads (renamed)' })] };
    expect(diffPlanSnapshots({ kpi: [makeEntity()] }, after).changed).toEqual([]);
  });

  it('refuses a snapshot listing the same entity twice', () => {
    expect(() => diffPlanSnapshots({ kpi: [makeEntity(), makeEntity()] }, {})).toThrow(RangeError);
  });
});

describe('sameFieldValue', () => {
  it.each([
    [1, 1, true],
    ['1', 1, false],
    [null, null, true],
    [null, undefined, false],
    [undefined, undefined, true],
    [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    [[1, 2], [2, 1], false],
    [new Date('2027-01-01T00:00:00Z'), '2027-01-01T00:00:00.000Z', true],
  ])('compares %p and %p: %s', (left, right, same) => {
    expect(sameFieldValue(left, right)).toBe(same);
  });
});

describe('plan diff properties', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom('x', 'y'),
    fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('p', 'q', 'r'),
      fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null)),
    ),
  );
  const entity = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    label: fc.string({ maxLength: 10 }),
    fields: fc.dictionary(fc.constantFrom('name', 'target', 'owner', 'tags'), value),
  });
  const snapshot = fc.dictionary(
    fc.constantFrom('objective', 'kpi', 'milestone'),
    fc.uniqueArray(entity, { selector: (e) => e.id }),
  );

  it('finds no difference between a snapshot and a copy of it with its keys reordered', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reverseKeys(inner)]),
            )
          : value;
    fc.assert(
      fc.property(snapshot, (plan) => {
        const diff = diffPlanSnapshots(plan, reverseKeys(plan) as PlanSnapshot);
        return diff.added.length + diff.removed.length + diff.changed.length === 0;
      }),
    );
  });

  it('mirrors itself: what was added one way is removed the other, changes swap sides', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        const forward = diffPlanSnapshots(before, after);
        const backward = diffPlanSnapshots(after, before);
        const key = (ref: { type: string; id: string }) => `${ref.type}/${ref.id}`;
        const keys = (refs: { type: string; id: string }[]) => refs.map(key).sort();
        expect(keys(forward.added)).toEqual(keys(backward.removed));
        expect(keys(forward.removed)).toEqual(keys(backward.added));
        expect(keys(forward.changed)).toEqual(keys(backward.changed));
        for (const change of forward.changed) {
          const mirror = backward.changed.find((other) => key(other) === key(change))!;
          // Fields come in the order of the older snapshot's keys, so compare them sorted.
          const byField = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
          expect(mirror.fields.map((f) => [f.field, f.after, f.before]).sort(byField)).toEqual(
            change.fields.map((f) => [f.field, f.before, f.after]).sort(byField),
          );
        }
      }),
    );
  });
});
