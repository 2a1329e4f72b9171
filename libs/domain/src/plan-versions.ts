/**
 * What changed between two versions of a plan (BRIEF, "Plan and execution"):
 *
 * > Plan versions: a plan can be submitted and approved; an approved version is immutable and
 * > later changes make a new draft.
 *
 * A snapshot lists, per entity type (`outcome`, `objective`, `kpi`, `initiative`, `milestone`...),
 * the entities of the plan with a display label and their fields. Two field values are equal when
 * their JSON is, with object keys sorted: `{a: 1, b: 2}` equals `{b: 2, a: 1}`, while array order
 * counts (a snapshot writer that lists sets, such as dependencies, should sort them). The label is
 * for display only; it is taken from the newer version, and a change shows up in the fields.
 */
export interface SnapshotEntity {
  id: string;
  label: string;
  fields: Record<string, unknown>;
}

export type PlanSnapshot = Record<string, readonly SnapshotEntity[]>;

export interface PlanEntityRef {
  type: string;
  id: string;
  label: string;
}

export interface FieldChange {
  field: string;
  /** Undefined when the field is new. */
  before: unknown;
  /** Undefined when the field was dropped. */
  after: unknown;
}

export interface ChangedPlanEntity extends PlanEntityRef {
  fields: FieldChange[];
}

export interface PlanDiff {
  added: PlanEntityRef[];
  removed: PlanEntityRef[];
  changed: ChangedPlanEntity[];
}

/**
 * Entities added, removed and changed from `before` to `after`, by type in the order the types
 * first appear and, within a type, in the order of the snapshot that holds them (`after` for added
 * and changed, `before` for removed).
 */
export function diffPlanSnapshots(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const diff: PlanDiff = { added: [], removed: [], changed: [] };
  const types = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const type of types) {
    const old = byId(type, before[type] ?? []);
    const current = byId(type, after[type] ?? []);
    for (const [id, entity] of current) {
      const previous = old.get(id);
      if (!previous) {
        diff.added.push({ type, id, label: entity.label });
        continue;
      }
      const fields = fieldChanges(previous.fields, entity.fields);
      if (fields.length > 0) diff.changed.push({ type, id, label: entity.label, fields });
    }
    for (const [id, entity] of old) {
      if (!current.has(id)) diff.removed.push({ type, id, label: entity.label });
    }
  }
  return diff;
}

/** Equal as JSON with object keys sorted; `undefined` equals only itself (and a missing field). */
export function sameFieldValue(left: unknown, right: unknown): boolean {
  return canonicalJson(left) === canonicalJson(right);
}

function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.flatMap((field) =>
    sameFieldValue(before[field], after[field])
      ? []
      : [{ field, before: before[field], after: after[field] }],
  );
}

function byId(type: string, entities: readonly SnapshotEntity[]): Map<string, SnapshotEntity> {
  const map = new Map<string, SnapshotEntity>();
  for (const entity of entities) {
    if (map.has(entity.id))
      throw new RangeError(`${type} ${entity.id} appears twice in a snapshot`);
    map.set(entity.id, entity);
  }
  return map;
}

function canonicalJson(value: unknown): string {
  // JSON.stringify(undefined) is undefined, not a string: give it a token no JSON text can equal.
  return JSON.stringify(sortKeys(value)) ?? '\u0000undefined';
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return sortKeys(json.call(value));
  if (Array.isArray(value)) return value.map(sortKeys);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
