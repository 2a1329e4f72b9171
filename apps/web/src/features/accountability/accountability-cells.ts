import type { AccountabilityGap, MappedInitiative, MappedPerson } from './accountability.queries';

/** The two roles on an initiative: strategy and execution (BRIEF, step 4 Organise). */
export type HolderRole = 'accountable' | 'responsible';

export const HOLDER_ROLE: Record<HolderRole, { word: string; meaning: string; colour: string }> = {
  accountable: { word: 'Accountable', meaning: 'strategy', colour: 'indigo' },
  responsible: { word: 'Responsible', meaning: 'execution', colour: 'teal' },
};

/** The roles a person holds on an initiative, accountable first; empty when neither. */
export function rolesOn(person: MappedPerson, initiative: MappedInitiative): HolderRole[] {
  const roles: HolderRole[] = [];
  if (initiative.accountableUserId === person.userId) roles.push('accountable');
  if (initiative.responsibleUserId === person.userId) roles.push('responsible');
  return roles;
}

/** The gaps on each initiative, by initiative id; gaps about a person across initiatives apart. */
export function gapsByInitiative(gaps: readonly AccountabilityGap[]) {
  const onInitiative = new Map<string, AccountabilityGap[]>();
  const onPeople: AccountabilityGap[] = [];
  for (const gap of gaps) {
    if (!gap.initiativeId) {
      onPeople.push(gap);
      continue;
    }
    onInitiative.set(gap.initiativeId, [...(onInitiative.get(gap.initiativeId) ?? []), gap]);
  }
  return { onInitiative, onPeople };
}

export const GAP_TITLE: Record<AccountabilityGap['kind'], string> = {
  nobody_responsible: 'Nobody responsible',
  nobody_accountable: 'Nobody accountable',
  consultant_accountable: 'Consultant accountable',
  both_roles_on_many: 'Both roles on many initiatives',
};

/** How a person reads on the map: marked external, or as no longer a member. */
export function personLabel(person: MappedPerson): string {
  if (person.role === null) return `${person.name} (no longer a member)`;
  return person.external ? `${person.name} (external)` : person.name;
}

/** Who may be named accountable or responsible: the organisation's members. */
export const assignable = (people: readonly MappedPerson[]) =>
  people.filter((person) => person.role !== null);
