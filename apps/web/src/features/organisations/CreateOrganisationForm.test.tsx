import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import { CreateOrganisationForm } from './CreateOrganisationForm';

describe('CreateOrganisationForm', () => {
  it('puts each field the API refuses beside that field, from its problem+json answer', async () => {
    fetchMock.mockResolvedValue(
      apiAnswer(400, {
        type: '/problems/validation-error',
        title: 'The request is not valid',
        status: 400,
        errors: [
          { field: 'name', reason: 'is already used by another of your organisations' },
          { field: 'description', reason: 'must be shorter' },
        ],
      }),
    );
    const onCreated = vi.fn();
    renderInOrganisation(<CreateOrganisationForm onCreated={onCreated} onCancel={vi.fn()} />);

    await userEvent.type(screen.getByRole('textbox', { name: /^name/i }), 'Harbour Credit Union');
    await userEvent.click(screen.getByRole('button', { name: /create/i }));

    expect(
      await screen.findByText('Is already used by another of your organisations'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^name/i })).toHaveAccessibleDescription(
      'Is already used by another of your organisations',
    );
    expect(screen.getByText('Must be shorter')).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('says beside the name what went wrong when no field is to blame', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderInOrganisation(<CreateOrganisationForm onCreated={vi.fn()} onCancel={vi.fn()} />);

    await userEvent.type(screen.getByRole('textbox', { name: /^name/i }), 'Harbour Credit Union');
    await userEvent.click(screen.getByRole('button', { name: /create/i }));

    expect(await screen.findByText('Check your connection and try again.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^name/i })).toHaveAccessibleDescription(
      'Check your connection and try again.',
    );
  });
});
