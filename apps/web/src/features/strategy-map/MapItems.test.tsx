import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import type { MapInitiative } from '../plan/plan.queries';
import { InitiativeCard } from './MapItems';

const INITIATIVE_ID = '44444444-4444-4444-8444-444444444444';
type MapMilestone = MapInitiative['milestones'][number];

const milestone = (n: number, overrides: Partial<MapMilestone> = {}): MapMilestone => ({
  id: `55555555-5555-4555-8555-5555555555${String(n).padStart(2, '0')}`,
  title: `Milestone ${n}`,
  dueDate: '2027-01-15',
  status: 'planned',
  ownerName: 'Owen Hughes',
  atRisk: false,
  riskReasons: [],
  ...overrides,
});
const large: MapInitiative = {
  id: INITIATIVE_ID,
  code: 'I-LARGE',
  name: 'Win back lapsed members',
  accountableName: 'Maeve Lonergan',
  responsibleName: 'Owen Hughes',
  budget: '12000.00',
  isExperiment: false,
  decisionOverdue: false,
  health: 'at_risk',
  milestoneCount: 3,
  milestones: [milestone(1, { atRisk: true, riskReasons: ['overdue'], dueDate: '2026-06-01' })],
};

function renderCard(initiative: MapInitiative) {
  renderInOrganisation(
    <InitiativeCard
      initiative={initiative}
      currency="EUR"
      canEdit={false}
      onEdit={vi.fn()}
      onAddMilestone={vi.fn()}
      onOpenMilestone={vi.fn()}
    />,
  );
}

describe('an initiative on the strategy map', () => {
  it('shows the milestones needing attention of a large initiative, and all of them when asked', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = new URL((input as Request).url);
      expect(url.pathname).toBe(`/api/v1/organisations/${ORGANISATION_ID}/milestones`);
      expect(url.searchParams.get('initiativeId')).toBe(INITIATIVE_ID);
      return apiAnswer(
        200,
        [1, 2, 3].map((n) => milestone(n)),
      );
    });
    renderCard(large);
    expect(screen.getByRole('button', { name: /^Milestone 1\b/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Milestone 2\b/ })).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Show all 3 milestones' }));
    expect(await screen.findByRole('button', { name: /^Milestone 3\b/ })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Show only those needing attention' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers nothing more when the map listed every milestone', () => {
    renderCard({ ...large, milestoneCount: 1 });
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });
});
