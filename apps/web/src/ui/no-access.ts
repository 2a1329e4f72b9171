import { can, type Permission, ROLE_LABELS, ROLES } from '@roi/domain';

export const NO_ACCESS_TITLE = 'You do not have access';

const list = (labels: string[]) =>
  labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;

/** The roles that hold a permission, by their labels, from the table the API enforces. */
export function rolesThatMay(permission: Permission): string[] {
  return ROLES.filter((role) => can(role, permission)).map((role) => ROLE_LABELS[role]);
}

/** Who can give a member another role: those who manage members. */
export function whoCanChangeYourRole(): string {
  return `Members with the ${list(rolesThatMay('members.manage'))} role can change your role.`;
}

// The access guard's own words for a permission the role lacks (common/access/access.guard.ts);
// any other refusal (only an owner may invite an owner, ...) says something worth reading as is.
const ROLE_REFUSAL = /^Your role \(.*\) does not allow this/;

/** What a 403 from the API tells a person: the API's reason, or their role and who can change it. */
export function refusalReason(detail: string | undefined): string {
  if (!detail || ROLE_REFUSAL.test(detail)) {
    return `Your role in this organisation does not allow this. ${whoCanChangeYourRole()}`;
  }
  return detail;
}
