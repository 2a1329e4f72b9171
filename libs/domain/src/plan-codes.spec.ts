import { DECIMAL_MONEY_PATTERN, PLAN_CODE_PATTERN } from './plan-codes';

describe('codes and amounts of the plan', () => {
  it.each(['K-RENEW', 'I.2027_a', '7'])('takes %s as a code', (code) => {
    expect(PLAN_CODE_PATTERN.test(code)).toBe(true);
  });
  it.each(['', '-K', 'K RENEW', 'K/1'])('refuses %j as a code', (code) => {
    expect(PLAN_CODE_PATTERN.test(code)).toBe(false);
  });
  it.each(['0', '12500', '12500.5', '12500.0001'])('takes %s as money', (amount) => {
    expect(DECIMAL_MONEY_PATTERN.test(amount)).toBe(true);
  });
  it.each(['-1', '1e3', '12500.00001', '1,000', '.5'])('refuses %s as money', (amount) => {
    expect(DECIMAL_MONEY_PATTERN.test(amount)).toBe(false);
  });
});
