import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client';
import { renderInOrganisation } from '../test/render';
import { ErrorState } from './ErrorState';

const problem = (status: number, title: string, detail: string) =>
  new ApiProblem({ type: 'about:blank', status, title, detail });

describe('ErrorState', () => {
  it('reads a refusal of the role like the page the role may not open', () => {
    renderInOrganisation(
      <ErrorState
        error={problem(
          403,
          'Not allowed',
          'Your role (board_member) does not allow this (audit.read).',
        )}
        onRetry={() => undefined}
      />,
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('You do not have access');
    expect(alert).toHaveTextContent(
      'Your role in this organisation does not allow this. Members with the Owner, Executive or Consultant (external) role can change your role.',
    );
    expect(alert).not.toHaveTextContent('board_member');
    // Asking again will not change the answer.
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('keeps a refusal’s own reason when it is not about the role', () => {
    renderInOrganisation(
      <ErrorState error={problem(403, 'Not allowed', 'Only an owner can invite an owner.')} />,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Only an owner can invite an owner.');
  });

  it('shows any other problem with its title, its reason and a way to try again', () => {
    renderInOrganisation(
      <ErrorState
        error={problem(503, 'Unavailable', 'The database is busy.')}
        onRetry={() => undefined}
      />,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('UnavailableThe database is busy.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
