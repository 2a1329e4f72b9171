import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import type { Milestone } from './execution.queries';
import { MilestoneDrawer } from './MilestoneDrawer';

const milestone = {
  id: '22222222-2222-4222-8222-222222222222',
  initiativeId: '33333333-3333-4333-8333-333333333333',
  initiativeCode: 'G-PODCAST',
  initiativeName: 'A fortnightly podcast',
  accountableName: 'Ama Mensah',
  responsibleName: 'Rui Costa',
  title: 'A video version of every episode',
  ownerName: 'Rui Costa',
  dueDate: '2026-04-20',
  status: 'missed',
  doneOn: null,
  missReason: null,
  missCategory: 'scope_change',
  missNote: 'Audio only for now',
  dependsOn: [],
  lastCheckIn: null,
  atRisk: true,
  riskReasons: ['overdue'],
  version: 2,
} as unknown as Milestone;

describe('MilestoneDrawer', () => {
  it('says what a missed milestone was missed for, by its category, with the note', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = (input as Request).url;
      if (url.endsWith(`/milestones/${milestone.id}`)) return apiAnswer(200, milestone);
      return apiAnswer(200, []);
    });
    renderInOrganisation(<MilestoneDrawer milestoneId={milestone.id} onClose={() => undefined} />, {
      role: 'board_member',
    });

    expect(
      await screen.findByText('Missed (Scope change): Audio only for now'),
    ).toBeInTheDocument();
  });
});
