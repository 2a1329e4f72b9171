import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { organisationNameProblem } from '@roi/domain';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { type Organisation, useUpdateOrganisation } from './organisations.queries';

/**
 * Renames with the version the user saw: if someone renamed it meanwhile, the API answers 409 and
 * the form shows their name instead of silently overwriting it.
 */
export function RenameOrganisationForm(props: {
  organisation: Organisation;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [base, setBase] = useState(props.organisation);
  const [conflict, setConflict] = useState<string | null>(null);
  const update = useUpdateOrganisation();
  const form = useForm({
    initialValues: { name: props.organisation.name },
    validate: {
      name: (value) => {
        const problem = organisationNameProblem(value);
        return problem ? asFieldMessage(problem) : null;
      },
    },
  });

  const submit = form.onSubmit(async ({ name }) => {
    try {
      setBase(await update.mutateAsync({ name, version: base.version }));
      setConflict(null);
      props.onDone();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        const current = error.problem.current as Organisation;
        setBase(current);
        setConflict(current.name);
      } else {
        showProblemInForm(form, error, 'name');
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Rename organisation">
      <Stack>
        {conflict !== null && (
          <Alert color="yellow" title="Renamed by someone else" role="alert">
            While you were editing, it was renamed to “{conflict}”. Save again to replace that name
            with yours, or cancel to keep theirs.
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Group justify="flex-end">
          {props.onCancel && (
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
