import { normaliseEmail, passwordProblem } from './accounts';

describe('accounts', () => {
  it('normalises emails so that case and surrounding space do not make a new account', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.ORG ')).toBe('ada.lovelace@example.org');
  });

  it('asks for passwords of 12 to 256 characters', () => {
    expect(passwordProblem('short')).toBe('must be at least 12 characters');
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toBe('must be at most 256 characters');
  });
});
