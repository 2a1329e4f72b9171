import fc from 'fast-check';
import { baselineValue } from './baseline-figures';

describe('baseline figure of a number question', () => {
  it.each([
    { values: [], expected: null },
    { values: [1200], expected: '1200' },
    { values: [1200, 1300], expected: '1250' },
    { values: [0.1, 0.2], expected: '0.15' },
    { values: [1, 1, 2], expected: '1.3333' },
    { values: [2, 2, 1], expected: '1.6667' },
    { values: [0.00005], expected: '0.0001' },
    { values: [-0.00005], expected: '-0.0001' },
    { values: [-3, -4], expected: '-3.5' },
  ])('the mean of $values is $expected', ({ values, expected }) => {
    expect(baselineValue(values)).toBe(expected);
  });

  it('stays between the smallest and the largest answer', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1 }), (values) => {
        const figure = Number(baselineValue(values));
        return figure >= Math.min(...values) && figure <= Math.max(...values);
      }),
    );
  });
});
