import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import { CommentsThread } from './CommentsThread';

const KPI_ID = '44444444-4444-4444-8444-444444444444';

describe('CommentsThread', () => {
  it('invites someone who may comment to ask or challenge, with the box to do it', async () => {
    fetchMock.mockImplementation(async () => apiAnswer(200, []));
    renderInOrganisation(<CommentsThread subjectType="kpi" subjectId={KPI_ID} />, {
      role: 'contributor',
    });

    expect(await screen.findByText(/Ask a question or challenge it below/)).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Your question, challenge or comment' }),
    ).toBeInTheDocument();
  });

  it('does not invite a board member to do what their role cannot', async () => {
    fetchMock.mockImplementation(async () => apiAnswer(200, []));
    renderInOrganisation(<CommentsThread subjectType="kpi" subjectId={KPI_ID} />, {
      role: 'board_member',
    });

    expect(
      await screen.findByText(/Nobody has questioned or challenged it yet/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Ask a question/)).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Post' })).not.toBeInTheDocument();
  });
});
