import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import type { PlanVersion } from '../collaboration/collaboration.queries';
import { DecisionForm } from './PlanDecisionForms';

const version = { number: 3, version: 1, status: 'submitted' } as PlanVersion;

describe('DecisionForm', () => {
  it('does not reject a version without a reason', async () => {
    const onDone = vi.fn();
    renderInOrganisation(<DecisionForm version={version} decision="reject" onDone={onDone} />);

    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));

    expect(screen.getByText('Give the reason')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('approves with the version it was shown, and the note when one is given', async () => {
    fetchMock.mockResolvedValue(apiAnswer(200, { ...version, status: 'approved' }));
    const onDone = vi.fn();
    renderInOrganisation(<DecisionForm version={version} decision="approve" onDone={onDone} />);

    await userEvent.type(screen.getByRole('textbox', { name: /note/i }), '  Go ahead ');
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.url).toMatch(/\/plan-versions\/3\/approve$/);
    expect(await request.json()).toMatchObject({ version: 1, note: 'Go ahead' });
  });
});
