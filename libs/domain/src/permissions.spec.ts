import {
  assignableRoles,
  can,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  type Permission,
} from './permissions';
import { ROLES } from './roles';

describe('the permission table', () => {
  it('gives every role a row and names only known permissions', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of permissions) expect(Object.keys(PERMISSIONS)).toContain(permission);
    }
  });

  it('lets every role read its organisation', () => {
    for (const role of ROLES) expect(can(role, 'organisation.read')).toBe(true);
  });

  it('keeps board members read-only', () => {
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (permission) => permission !== 'organisation.read',
    );
    for (const permission of writes) expect(can('board_member', permission)).toBe(false);
  });

  it('treats a consultant like an executive', () => {
    expect(ROLE_PERMISSIONS.consultant).toEqual(ROLE_PERMISSIONS.executive);
  });

  it('lets only owners make owners, and lets nobody without members.manage assign roles', () => {
    expect(assignableRoles('owner')).toContain('owner');
    expect(assignableRoles('executive')).not.toContain('owner');
    expect(assignableRoles('contributor')).toEqual([]);
  });
});
