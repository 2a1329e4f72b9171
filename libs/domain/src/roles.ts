/**
 * The roles a member holds in one organisation (BRIEF, "Who uses it" and "What a serious product
 * of this kind also has"). A person may hold different roles in different organisations.
 */
export const ROLES = [
  'owner',
  'executive',
  'consultant',
  'program_manager',
  'contributor',
  'board_member',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  executive: 'Executive',
  consultant: 'Consultant (external)',
  program_manager: 'Programme manager',
  contributor: 'Contributor',
  board_member: 'Board member (read-only)',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** An outside strategist: acts like an executive, but is shown as external everywhere. */
export function isExternalRole(role: Role): boolean {
  return role === 'consultant';
}
