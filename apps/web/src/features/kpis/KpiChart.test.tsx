import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInOrganisation } from '../../test/render';
import type { KpiDetail } from '../plan/plan.queries';
import { KpiChart } from './KpiChart';

function makeKpi(overrides: Partial<KpiDetail> = {}): KpiDetail {
  return {
    id: 'kpi-1',
    code: 'G-RENEW',
    name: 'Member renewal rate',
    unit: '%',
    baselineValue: 80,
    baselineDate: '2026-01-01',
    targetValue: 90,
    targetDate: '2026-11-01',
    asOf: '2026-06-01',
    measurements: [
      {
        id: 'm-1',
        kpiId: 'kpi-1',
        date: '2026-03-01',
        value: 82,
        note: 'after the spring mailing',
        version: 1,
      },
      { id: 'm-2', kpiId: 'kpi-1', date: '2026-05-01', value: 85.5, note: '', version: 1 },
    ],
    ...overrides,
  } as KpiDetail;
}

describe('KpiChart', () => {
  it('holds the figures of the chart in its table view', async () => {
    renderInOrganisation(<KpiChart kpi={makeKpi()} />);
    expect(
      screen.getByRole('img', { name: /expected path from 80% to 90%, with 2 measurements/ }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Table' }));

    const table = screen.getByRole('table', { name: 'G-RENEW over time' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Baseline, both measurements and the target, in date order.
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent('(baseline)');
    expect(rows[0]).toHaveTextContent('80%');
    expect(rows[1]).toHaveTextContent('82%');
    expect(rows[1]).toHaveTextContent('after the spring mailing');
    expect(rows[2]).toHaveTextContent('85.5%');
    expect(rows[3]).toHaveTextContent('(target)');
    expect(rows[3]).toHaveTextContent('90%');
    // The expected path on the target date is the target itself; nothing is measured there yet.
    expect(within(rows[3] as HTMLElement).getByText('—')).toBeInTheDocument();
  });
});
