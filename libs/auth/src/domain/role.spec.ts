import { isRole, roleAllows, type Role } from './role';

describe('roles', () => {
  it.each<[Role, Role, boolean]>([
    ['read', 'read', true],
    ['read', 'trade', false],
    ['read', 'admin', false],
    ['trade', 'read', true],
    ['trade', 'trade', true],
    ['trade', 'admin', false],
    ['admin', 'read', true],
    ['admin', 'trade', true],
    ['admin', 'admin', true],
  ])('%s may call what requires %s: %s', (held, required, allowed) => {
    expect(roleAllows(held, required)).toBe(allowed);
  });

  it('knows only read, trade and admin', () => {
    expect(['read', 'trade', 'admin'].every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
