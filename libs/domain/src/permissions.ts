import type { Role } from './roles';

/**
 * Everything a member can be allowed to do, and the one table of who may do it. The API enforces
 * it on every route (a route without a declared permission stops the API at start), the web app
 * hides what a role cannot do, and docs/permissions.md is generated from it.
 */
export const PERMISSIONS = {
  'organisation.read': 'See the organisation, its strategy, reports and dashboards',
  'organisation.update': "Change the organisation's name and settings",
  'members.read': 'See who the members are and their roles',
  'members.manage': "Change members' roles and remove members",
  'invitations.manage': 'Invite people, resend and revoke invitations',
  'api-keys.manage': 'Create and revoke API keys',
  'audit.read': 'Browse and export the audit log',
  'cycles.manage': 'Start strategy cycles; plan their steps, owners, dates and exit criteria',
  'steps.sign-off': 'Sign a step off once its exit criteria are met, or reopen it with a reason',
  'assessments.manage': 'Start and close assessments',
  'assessments.respond': 'Answer assessments, with evidence',
  'plan.edit':
    'Shape the plan: outcomes, objectives, KPIs, initiatives, experiments and milestones; submit it for approval',
  'plan.approve': 'Approve or reject a submitted version of the plan',
  'plan.comment': 'Question or challenge outcomes, objectives and KPIs, and resolve comments',
  'execution.update': 'Record KPI measurements, milestone progress and check-ins',
  'ledgers.record':
    'Record, change and delete cost and value entries, and import them (and KPI measurements) from CSV',
  'ledgers.manage': 'Rename and merge the channels and activities the ledgers are booked against',
  'board-packs.manage':
    'Create board packs, see drafts, write their commentary, publish them and share them by link',
  'outbox.read': 'Read the mail the product has sent (development mail transport)',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const everyone: Permission[] = ['organisation.read'];
const leadership: Permission[] = [
  ...everyone,
  'cycles.manage',
  'steps.sign-off',
  'assessments.manage',
  'assessments.respond',
  'plan.edit',
  'plan.approve',
  'plan.comment',
  'execution.update',
  'ledgers.record',
  'ledgers.manage',
  'organisation.update',
  'members.read',
  'members.manage',
  'invitations.manage',
  'api-keys.manage',
  'audit.read',
  'board-packs.manage',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [...leadership, 'outbox.read'],
  executive: leadership,
  // "Like an executive, shown as external": the consultant is accountable for the strategy.
  consultant: leadership,
  // Program managers run the cycle's steps day to day; signing off stays with leadership.
  program_manager: [
    ...everyone,
    'members.read',
    'cycles.manage',
    'assessments.manage',
    'assessments.respond',
    'plan.edit',
    'plan.comment',
    'execution.update',
    'ledgers.record',
    'ledgers.manage',
  ],
  // Contributors do the work: they report progress and question the plan, but do not shape it.
  contributor: [
    ...everyone,
    'members.read',
    'assessments.respond',
    'plan.comment',
    'execution.update',
    'ledgers.record',
  ],
  // Board members read reports and dashboards, nothing else.
  board_member: everyone,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a member holding `role` may give to others: nobody hands out more than they hold. */
export function assignableRoles(role: Role): Role[] {
  if (role === 'owner')
    return ['owner', 'executive', 'consultant', 'program_manager', 'contributor', 'board_member'];
  if (can(role, 'members.manage')) {
    return ['executive', 'consultant', 'program_manager', 'contributor', 'board_member'];
  }
  return [];
}
