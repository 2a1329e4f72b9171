import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInOrganisation } from '../../test/render';
import { moneyFormat } from './money';
import { RoiByGroupChart } from './RoiByGroupChart';
import type { RoiGroup } from './roi.queries';

const groups = [
  {
    key: 'G-INBOX',
    label: 'One shared social inbox',
    cost: '4635.21',
    value: '9796.01',
    riskAdjustedValue: '6321.50',
    net: '5160.80',
    roi: '1.1134',
    riskAdjustedRoi: '0.3638',
  },
  {
    key: 'G-PODCAST',
    label: 'Experiment: a podcast',
    cost: '0.00',
    value: '2350.00',
    riskAdjustedValue: '1450.00',
    net: '2350.00',
    roi: null,
    riskAdjustedRoi: null,
  },
] as RoiGroup[];

describe('RoiByGroupChart', () => {
  it("holds the API's figures in its table view, with n/a where ROI is undefined", async () => {
    renderInOrganisation(
      <RoiByGroupChart groups={groups} groupBy="initiative" money={moneyFormat('GBP', 'en-GB')} />,
    );
    expect(screen.getByText(/1 without cost in the period have no ROI \(n\/a\)/)).toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Table' }));
    const table = screen.getByRole('table', { name: 'ROI by initiative' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(rows[0] as HTMLElement)).toEqual([
      'One shared social inboxG-INBOX',
      '£4,635.21',
      '£9,796.01',
      '£6,321.50',
      '£5,160.80',
      '111.34%',
      '36.38%',
    ]);
    expect(cells(rows[1] as HTMLElement).slice(-2)).toEqual(['n/a', 'n/a']);
  });
});
