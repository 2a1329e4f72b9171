import {
  Alert,
  Button,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiProblem } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { useMembers } from '../members/members.queries';
import {
  type CreatedResponseLink,
  type Respondent,
  useRespondentActions,
} from './respondents.queries';

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/* The respondents panel's forms: asking members, and creating a response link (shown once). */

export function AskMembersForm(props: {
  assessmentId: string;
  asked: Respondent[];
  onDone: () => void;
}) {
  const members = useMembers();
  const { askMembers } = useRespondentActions(props.assessmentId);
  const form = useForm({
    initialValues: { userIds: [] as string[] },
    validate: { userIds: (value) => (value.length ? null : 'Choose at least one member') },
  });
  const askedIds = new Set(props.asked.map((respondent) => respondent.userId));
  const notAsked = (members.data ?? []).filter((member) => !askedIds.has(member.userId));
  const submit = form.onSubmit(async (values) => {
    try {
      await askMembers.mutateAsync(values.userIds);
      notifications.show({
        color: 'green',
        message: `${values.userIds.length} ${values.userIds.length === 1 ? 'member' : 'members'} asked to answer`,
      });
      form.reset();
      props.onDone();
    } catch (error) {
      // The API names refused members by position (userIds.1): the reason goes beside the list.
      const reason =
        error instanceof ApiProblem ? Object.values(error.fieldErrors())[0] : undefined;
      if (reason) form.setErrors({ userIds: asFieldMessage(reason) });
      else showProblemInForm(form, error, 'userIds');
    }
  });
  if (members.isError)
    return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label="Ask members">
        <Group align="flex-end">
          <MultiSelect
            label="Members to ask"
            placeholder={
              members.isPending
                ? 'Loading members…'
                : notAsked.length
                  ? 'Choose members'
                  : 'Every member is asked already'
            }
            data={notAsked.map((member) => ({
              value: member.userId,
              label: `${member.name} (${member.email})`,
            }))}
            disabled={members.isPending || notAsked.length === 0}
            searchable
            hidePickedOptions
            style={{ flex: 1 }}
            miw={280}
            {...form.getInputProps('userIds')}
          />
          <Button type="submit" loading={askMembers.isPending}>
            Ask
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

export function ResponseLinkForm(props: {
  assessmentId: string;
  onCreated: (link: CreatedResponseLink) => void;
}) {
  const { createLink } = useRespondentActions(props.assessmentId);
  const form = useForm({
    initialValues: { name: '', email: '', expiresInDays: 14 as number | string },
    validate: {
      name: (value) =>
        !value.trim()
          ? 'Say who the link is for'
          : value.length > 120
            ? 'At most 120 characters'
            : null,
      email: (value) =>
        value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? 'Enter an email address, or leave it empty'
          : null,
      expiresInDays: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 90
          ? null
          : 'Between 1 and 90 days',
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      props.onCreated(
        await createLink.mutateAsync({
          name: values.name.trim(),
          ...(values.email.trim() ? { email: values.email.trim() } : {}),
          expiresInDays: Number(values.expiresInDays),
        }),
      );
      form.reset();
    } catch (error) {
      showProblemInForm(form, error, 'name');
    }
  });
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label="Create a response link">
        <Stack gap="xs">
          <Text size="sm">
            For a manager without an account: they answer once, through the link, without signing
            in.
          </Text>
          <Group align="flex-start">
            <TextInput
              label="Name"
              placeholder="Siobhán Kearney, Head of Retail"
              w={280}
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Email (optional)"
              description="The link is mailed to it"
              type="email"
              w={260}
              {...form.getInputProps('email')}
            />
            <NumberInput
              label="Days valid"
              description="1 to 90"
              min={1}
              max={90}
              allowDecimal={false}
              w={110}
              {...form.getInputProps('expiresInDays')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={createLink.isPending}>
              Create link
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The link's secret is kept only as a hash: this is the one moment it can be copied. */
export function CreatedLinkNotice(props: { link: CreatedResponseLink; onDone: () => void }) {
  const { link } = props;
  return (
    <Alert color="green" title={`Response link for ${link.name}`} role="status">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Copy the link now: it is shown only this once.
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            readOnly
            label="Response link"
            value={link.url}
            style={{ flex: 1 }}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'green'} onClick={copy} w={110}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">
          {link.email
            ? `It has been mailed to ${link.email}. `
            : 'No email was given: send it to them yourself. '}
          It works once, until {link.expiresAt ? formatDay(link.expiresAt) : 'it expires'}.
        </Text>
        <Group>
          <Button size="xs" variant="default" onClick={props.onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
