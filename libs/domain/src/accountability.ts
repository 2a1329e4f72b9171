import { exactDecimal } from './exact-decimal';
import type { Fraction } from './money-format';
import type { MilestoneStatus } from './milestones';
import { isExternalRole, type Role } from './roles';

/**
 * The accountability map (BRIEF, "The six steps of a strategy cycle", step 4 Organise):
 *
 * > Structure and governance: who is accountable (strategy) and who is responsible (execution)
 * > for each initiative
 *
 * and issue 13: "People by initiatives, each marked accountable or responsible; per person their
 * load (initiatives, open milestones, budget); gaps flagged: an initiative with nobody responsible,
 * one person holding both roles on many initiatives, an outside consultant accountable where the
 * brief wants split accountability."
 *
 * Every initiative names both people (the columns are NOT NULL), so a gap is never an empty field:
 * it is a person who is no longer a member, or a pattern in who holds what.
 */

/** A person the map shows: a member with their role, or someone named on an initiative who is not. */
export interface AccountabilityPerson {
  userId: string;
  name: string;
  /** The role in this organisation; null for someone without a membership (left, or removed). */
  role: Role | null;
}

export interface AccountabilityInitiative {
  id: string;
  code: string;
  name: string;
  accountableUserId: string;
  responsibleUserId: string;
  /** Exact decimal text (PostgreSQL `numeric`), in the organisation's currency. */
  budget: string;
  openMilestones: number;
}

export interface PersonLoad {
  /** Initiatives the person holds either role on, each counted once. */
  initiatives: number;
  /** Open milestones of those initiatives. */
  openMilestones: number;
  /** The exact sum of those initiatives' budgets. */
  budget: Fraction;
}

export interface PersonOnTheMap extends AccountabilityPerson {
  external: boolean;
  /** Initiative ids, in the order the initiatives were given. */
  accountableFor: string[];
  responsibleFor: string[];
  load: PersonLoad;
}

export const ACCOUNTABILITY_GAP_KINDS = [
  'nobody_responsible',
  'nobody_accountable',
  'consultant_accountable',
  'both_roles_on_many',
] as const;
export type AccountabilityGapKind = (typeof ACCOUNTABILITY_GAP_KINDS)[number];

export interface AccountabilityGap {
  kind: AccountabilityGapKind;
  /** The initiative the gap is on; absent for a gap about a person across initiatives. */
  initiativeId?: string;
  /** The person the gap is about. */
  userId?: string;
  message: string;
}

export interface AccountabilityMap {
  people: PersonOnTheMap[];
  gaps: AccountabilityGap[];
}

/**
 * A milestone still to be delivered: neither done nor cancelled. A missed milestone stays open:
 * its work is still owed (or must be cancelled on purpose), so it still weighs on whoever holds it.
 */
export function isOpenMilestone(status: MilestoneStatus): boolean {
  return status !== 'done' && status !== 'cancelled';
}

/** Open milestones of each initiative, from counts of milestones by initiative and status. */
export function openMilestonesByInitiative(
  counts: readonly { initiativeId: string; status: MilestoneStatus; count: number }[],
): Map<string, number> {
  const open = new Map<string, number>();
  for (const row of counts) {
    if (!isOpenMilestone(row.status)) continue;
    open.set(row.initiativeId, (open.get(row.initiativeId) ?? 0) + row.count);
  }
  return open;
}

/**
 * How many initiatives one person may hold both roles on before the map calls it a gap: 3.
 * The brief splits strategy (accountable) from execution (responsible) so that a miss says where
 * to look first (execution or strategy) and both sides answer for results. A founder running one
 * pilot, or a small team doubling up on a second initiative, is ordinary; on a third the split is
 * no longer an exception but how that person's work is organised, and every miss on it would name
 * the same person on both sides.
 */
export const BOTH_ROLES_GAP_THRESHOLD = 3;

/**
 * Nobody responsible: the person named responsible for execution is not (or no longer) a member
 * of the organisation. The column is NOT NULL, so an absent person is how "nobody" shows: a member
 * removed keeps their name on the initiatives they held.
 */
export function nobodyResponsible(
  initiative: AccountabilityInitiative,
  roleOf: (userId: string) => Role | null,
): boolean {
  return roleOf(initiative.responsibleUserId) === null;
}

/**
 * Nobody accountable: the same rule on the strategy side. The issue names only the missing
 * executor, but a strategy whose owner has left is as unowned, and a miss on it would be
 * attributed (BRIEF, "Miss attribution") to someone who can no longer answer.
 */
export function nobodyAccountable(
  initiative: AccountabilityInitiative,
  roleOf: (userId: string) => Role | null,
): boolean {
  return roleOf(initiative.accountableUserId) === null;
}

/**
 * A consultant accountable: the person accountable for the strategy holds an external role (an
 * outside strategy consultant, `isExternalRole`). The brief has the consultant accountable for the
 * strategy *beside* the client's team, "whoever advises on strategy and whoever executes it must
 * both be accountable for results", and leaders, not advisers, owning it. With one accountable
 * person per initiative, a consultant there leaves no one inside the organisation owning it.
 */
export function consultantAccountable(
  initiative: AccountabilityInitiative,
  roleOf: (userId: string) => Role | null,
): boolean {
  const role = roleOf(initiative.accountableUserId);
  return role !== null && isExternalRole(role);
}

/**
 * Both roles on many initiatives: one member is accountable AND responsible for the same
 * initiative on at least BOTH_ROLES_GAP_THRESHOLD initiatives. People without a membership are
 * left out: each of their initiatives is already flagged as nobody responsible or accountable.
 */
export function holdsBothRolesOnMany(bothRolesCount: number): boolean {
  return bothRolesCount >= BOTH_ROLES_GAP_THRESHOLD;
}

const label = (initiative: AccountabilityInitiative) => `${initiative.code} ${initiative.name}`;

/**
 * The map: each person's initiatives by role and their load, and the gaps, initiative gaps first
 * (in the order the initiatives were given), then the people holding both roles on many.
 * `people` are the organisation's members and anyone else the initiatives name; a person an
 * initiative names who is missing from `people` is added as someone without a membership.
 */
export function accountabilityMap(
  people: readonly AccountabilityPerson[],
  initiatives: readonly AccountabilityInitiative[],
): AccountabilityMap {
  const byId = new Map<string, AccountabilityPerson>(
    people.map((person) => [person.userId, person]),
  );
  for (const initiative of initiatives) {
    for (const userId of [initiative.accountableUserId, initiative.responsibleUserId]) {
      if (!byId.has(userId)) byId.set(userId, { userId, name: 'A former member', role: null });
    }
  }
  const roleOf = (userId: string) => byId.get(userId)?.role ?? null;
  const nameOf = (userId: string) => byId.get(userId)?.name ?? 'A former member';

  const mapped = [...byId.values()].map((person) => personOnTheMap(person, initiatives));
  const gaps: AccountabilityGap[] = [];
  for (const initiative of initiatives) {
    if (nobodyResponsible(initiative, roleOf)) {
      gaps.push({
        kind: 'nobody_responsible',
        initiativeId: initiative.id,
        userId: initiative.responsibleUserId,
        message: `${label(initiative)} has nobody responsible for execution: ${nameOf(initiative.responsibleUserId)} is no longer a member of the organisation. Name a member responsible.`,
      });
    }
    if (nobodyAccountable(initiative, roleOf)) {
      gaps.push({
        kind: 'nobody_accountable',
        initiativeId: initiative.id,
        userId: initiative.accountableUserId,
        message: `${label(initiative)} has nobody accountable for its strategy: ${nameOf(initiative.accountableUserId)} is no longer a member of the organisation. Name a member accountable.`,
      });
    }
    if (consultantAccountable(initiative, roleOf)) {
      gaps.push({
        kind: 'consultant_accountable',
        initiativeId: initiative.id,
        userId: initiative.accountableUserId,
        message: `${label(initiative)} has an outside consultant accountable (${nameOf(initiative.accountableUserId)}). The adviser and the organisation's own people should both answer for results: make a leader of the organisation accountable, with the consultant advising.`,
      });
    }
  }
  for (const person of mapped) {
    if (person.role === null) continue;
    const both = person.accountableFor.filter((id) => person.responsibleFor.includes(id));
    if (!holdsBothRolesOnMany(both.length)) continue;
    const codes = initiatives
      .filter((initiative) => both.includes(initiative.id))
      .map((initiative) => initiative.code);
    gaps.push({
      kind: 'both_roles_on_many',
      userId: person.userId,
      message: `${person.name} is both accountable and responsible on ${both.length} initiatives (${codes.join(', ')}): strategy and execution are no longer split, so a miss cannot say where to look first. Hand execution or accountability of some to another member.`,
    });
  }
  return { people: mapped, gaps };
}

function personOnTheMap(
  person: AccountabilityPerson,
  initiatives: readonly AccountabilityInitiative[],
): PersonOnTheMap {
  const accountableFor: string[] = [];
  const responsibleFor: string[] = [];
  let openMilestones = 0;
  let budget = exactDecimal('0');
  let held = 0;
  for (const initiative of initiatives) {
    const accountable = initiative.accountableUserId === person.userId;
    const responsible = initiative.responsibleUserId === person.userId;
    if (accountable) accountableFor.push(initiative.id);
    if (responsible) responsibleFor.push(initiative.id);
    // Both roles on one initiative are one initiative of work: counted, and its budget summed, once.
    if (accountable || responsible) {
      held += 1;
      openMilestones += initiative.openMilestones;
      budget = budget.add(exactDecimal(initiative.budget));
    }
  }
  return {
    ...person,
    external: person.role !== null && isExternalRole(person.role),
    accountableFor,
    responsibleFor,
    load: { initiatives: held, openMilestones, budget },
  };
}
