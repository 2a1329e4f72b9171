import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInOrganisation } from '../test/render';
import { ConflictDialog, type FieldSpec, type VersionedEdit } from './versioned-edit';

interface Values {
  [key: string]: unknown;
  title: string;
  budget: string;
}

const fields: FieldSpec<Values>[] = [
  { key: 'title', label: 'Title' },
  { key: 'budget', label: 'Budget' },
];

/** An edit caught by a 409: the user started from version 3, someone else saved version 4. */
function conflictedEdit(overrides: Partial<VersionedEdit<Values>> = {}) {
  return {
    conflict: { version: 4 },
    theirs: { title: 'Answer every member within a day', budget: '6400.00' },
    mine: { title: 'Answer every member question', budget: '7000.00' },
    startedFrom: { title: 'Answer every member question', budget: '6400.00' },
    keepEditing: vi.fn(),
    takeTheirs: vi.fn(),
    reapplyMine: vi.fn(),
    ...overrides,
  } as unknown as VersionedEdit<Values>;
}

describe('ConflictDialog', () => {
  it('shows their saved version beside the unsaved values, field by field', async () => {
    renderInOrganisation(
      <ConflictDialog edit={conflictedEdit()} what="initiative" fields={fields} />,
    );

    const table = await screen.findByRole('table', { name: 'Their version and yours' });
    expect(screen.getByText(/saved version 4 after you opened it/)).toBeInTheDocument();
    const [, titleRow, budgetRow] = within(table).getAllByRole('row');
    expect(titleRow).toHaveTextContent('Title');
    expect(titleRow).toHaveTextContent('Answer every member within a day');
    expect(titleRow).toHaveTextContent('Answer every member question');
    expect(budgetRow).toHaveTextContent('6400.00');
    expect(budgetRow).toHaveTextContent('7000.00');
  });

  it('marks who changed what since the form was opened', async () => {
    renderInOrganisation(
      <ConflictDialog edit={conflictedEdit()} what="initiative" fields={fields} />,
    );

    const table = await screen.findByRole('table', { name: 'Their version and yours' });
    const [, titleRow, budgetRow] = within(table).getAllByRole('row');
    // They changed the title, the user the budget.
    expect(within(titleRow as HTMLElement).getByText('changed by them')).toBeInTheDocument();
    expect(within(titleRow as HTMLElement).queryByText('changed by you')).not.toBeInTheDocument();
    expect(within(budgetRow as HTMLElement).getByText('changed by you')).toBeInTheDocument();
    expect(within(budgetRow as HTMLElement).queryByText('changed by them')).not.toBeInTheDocument();
  });

  it('lets the user take theirs or re-apply their own changes on top', async () => {
    const edit = conflictedEdit();
    renderInOrganisation(<ConflictDialog edit={edit} what="initiative" fields={fields} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Discard mine, use theirs' }));
    await userEvent.click(screen.getByRole('button', { name: 'Re-apply my changes on theirs' }));
    expect(edit.takeTheirs).toHaveBeenCalledOnce();
    expect(edit.reapplyMine).toHaveBeenCalledOnce();
  });

  it('stays closed while there is no conflict', () => {
    renderInOrganisation(
      <ConflictDialog
        edit={conflictedEdit({ conflict: null })}
        what="initiative"
        fields={fields}
      />,
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
