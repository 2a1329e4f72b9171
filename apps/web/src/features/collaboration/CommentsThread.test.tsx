import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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

  it('posts what was written as the kind chosen', async () => {
    const posted: unknown[] = [];
    fetchMock.mockImplementation(async (input) => {
      const request = input as Request;
      if (request.method === 'POST') {
        posted.push(await request.json());
        return apiAnswer(201, {});
      }
      return apiAnswer(200, []);
    });
    renderInOrganisation(<CommentsThread subjectType="kpi" subjectId={KPI_ID} />, {
      role: 'contributor',
    });

    const kinds = await screen.findByRole('radiogroup', { name: 'Kind' });
    expect(screen.getByRole('radio', { name: 'Question' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Challenge' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Your question, challenge or comment' }),
      '  Is 80% renewal reachable with one new benefit?  ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));

    await vi.waitFor(() =>
      expect(posted).toEqual([
        {
          subjectType: 'kpi',
          subjectId: KPI_ID,
          kind: 'challenge',
          body: 'Is 80% renewal reachable with one new benefit?',
        },
      ]),
    );
    expect(kinds).toBeInTheDocument();
  });
});
