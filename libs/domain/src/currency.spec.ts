import { findCurrency, isBookableCurrency, listCurrencies } from './currency';

describe('currencies (ISO 4217)', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['XOF', 0],
  ])('knows that %s has %i minor-unit digits', (code, minorUnits) => {
    expect(findCurrency(code)?.minorUnits).toBe(minorUnits);
  });

  it('refuses codes that are not money an organisation keeps books in', () => {
    for (const code of ['XAU', 'XTS', 'XXX', 'EURO', 'eur', '']) {
      expect(isBookableCurrency(code)).toBe(false);
    }
  });

  it('lists each bookable currency once, sorted by code', () => {
    const codes = listCurrencies().map((currency) => currency.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    expect(codes).toContain('GBP');
  });
});
