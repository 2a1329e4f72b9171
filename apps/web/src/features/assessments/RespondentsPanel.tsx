import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../ui/ErrorState';
import type { Assessment } from './assessments.queries';
import { AskMembersForm, CreatedLinkNotice, ResponseLinkForm } from './RespondentForms';
import {
  type CreatedResponseLink,
  type Reminder,
  type Respondent,
  respondentsKey,
  useRespondentActions,
  useRespondents,
} from './respondents.queries';
import { useOrganisationId } from '../../session/organisation';

const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

const RESPONSE_BADGES: Record<Respondent['responseStatus'], { label: string; color: string }> = {
  not_started: { label: 'not started', color: 'gray' },
  draft: { label: 'draft', color: 'yellow' },
  submitted: { label: 'submitted', color: 'green' },
};

const LINK_BADGES: Record<
  NonNullable<Respondent['linkStatus']>,
  { label: string; color: string }
> = {
  active: { label: 'link active', color: 'blue' },
  expired: { label: 'link expired', color: 'red' },
  used: { label: 'link used', color: 'gray' },
};

/**
 * Who is asked to answer and who has. Managers ask members, create response links for people
 * without an account and remind those who have not answered, while the assessment is open;
 * everyone else (and everyone once it closes) sees the list.
 */
export function RespondentsPanel(props: { assessment: Assessment; manage: boolean }) {
  const { assessment } = props;
  const respondents = useRespondents(assessment.id);
  useFollowResponses(assessment);
  const manage = props.manage && assessment.status === 'open';
  const [open, setOpen] = useState<'members' | 'link' | null>(null);
  const [createdLink, setCreatedLink] = useState<CreatedResponseLink | null>(null);
  const [reminder, setReminder] = useState<Reminder | null>(null);
  const actions = useRespondentActions(assessment.id);
  const list = respondents.data ?? [];
  const submitted = list.filter((respondent) => respondent.responseStatus === 'submitted').length;

  const remind = async () => {
    setReminder(null);
    try {
      setReminder(await actions.remind.mutateAsync());
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'No reminder sent',
        message: error instanceof Error ? error.message : 'Try again.',
      });
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label="Respondents">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              Respondents
            </Title>
            <Text size="sm" c="dimmed">
              {list.length === 0
                ? 'Nobody asked yet.'
                : `${submitted} of ${list.length} submitted${assessment.deadline ? `, answers due by ${assessment.deadline}` : ''}.`}
            </Text>
          </div>
          {manage && (
            <Group gap="xs">
              <Button
                size="xs"
                variant={open === 'members' ? 'filled' : 'light'}
                onClick={() => setOpen(open === 'members' ? null : 'members')}
              >
                Ask members
              </Button>
              <Button
                size="xs"
                variant={open === 'link' ? 'filled' : 'light'}
                onClick={() => {
                  setCreatedLink(null);
                  setOpen(open === 'link' ? null : 'link');
                }}
              >
                Create response link
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={actions.remind.isPending}
                onClick={() => void remind()}
              >
                Remind those who have not answered
              </Button>
            </Group>
          )}
        </Group>
        {manage && open === 'members' && (
          <AskMembersForm assessmentId={assessment.id} asked={list} onDone={() => setOpen(null)} />
        )}
        {manage && open === 'link' && !createdLink && (
          <ResponseLinkForm assessmentId={assessment.id} onCreated={setCreatedLink} />
        )}
        {manage && createdLink && (
          <CreatedLinkNotice
            link={createdLink}
            onDone={() => {
              setCreatedLink(null);
              setOpen(null);
            }}
          />
        )}
        {manage && reminder && (
          <ReminderNotice
            reminder={reminder}
            respondents={list}
            onClose={() => setReminder(null)}
          />
        )}
        {respondents.isPending ? (
          <Skeleton height={120} />
        ) : respondents.isError ? (
          <ErrorState error={respondents.error} onRetry={() => void respondents.refetch()} />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {manage
              ? 'Ask members to answer, or create a response link for a manager without an account. Members who can respond may also answer without being asked.'
              : 'Members who can respond answer on this page; the people asked appear here.'}
          </Text>
        ) : (
          <RespondentsTable
            respondents={list}
            removable={manage}
            removing={actions.remove.isPending ? actions.remove.variables : undefined}
            onRemove={(respondent) =>
              actions.remove.mutateAsync(respondent.id).then(
                () =>
                  notifications.show({
                    message: `${respondent.name} is no longer asked to answer`,
                  }),
                (error: unknown) =>
                  notifications.show({
                    color: 'red',
                    title: 'Not removed',
                    message: error instanceof Error ? error.message : 'Try again.',
                  }),
              )
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A response saved or submitted on this page (or counted since the assessment was loaded) changes
 * someone's status here: the list is asked for again whenever the assessment's counts move.
 */
function useFollowResponses(assessment: Assessment) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  const revision = `${assessment.submitted}:${assessment.myResponse?.status ?? ''}:${assessment.status}`;
  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    void queryClient.invalidateQueries({ queryKey: respondentsKey(orgId, assessment.id) });
  }, [queryClient, orgId, assessment.id, revision]);
}

function RespondentsTable(props: {
  respondents: Respondent[];
  removable: boolean;
  removing: string | undefined;
  onRemove: (respondent: Respondent) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" aria-label="Respondents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th>Link</Table.Th>
            <Table.Th>Last reminded</Table.Th>
            {props.removable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.respondents.map((respondent) => {
            const response = RESPONSE_BADGES[respondent.responseStatus];
            const link = respondent.linkStatus && LINK_BADGES[respondent.linkStatus];
            return (
              <Table.Tr key={respondent.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {respondent.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {respondent.kind === 'member' ? 'Member' : 'Response link'}
                    {respondent.email ? ` · ${respondent.email}` : ' · no email'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={response.color}>
                    {response.label}
                  </Badge>
                  {respondent.submittedAt && (
                    <Text size="xs" c="dimmed">
                      {formatDay(respondent.submittedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {link ? (
                    <>
                      <Badge variant="outline" color={link.color}>
                        {link.label}
                      </Badge>
                      {respondent.linkStatus === 'active' && respondent.expiresAt && (
                        <Text size="xs" c="dimmed">
                          until {formatDay(respondent.expiresAt)}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      in the app
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={respondent.lastRemindedAt ? undefined : 'dimmed'}>
                    {respondent.lastRemindedAt ? formatDay(respondent.lastRemindedAt) : 'never'}
                  </Text>
                </Table.Td>
                {props.removable && (
                  <Table.Td ta="right">
                    {respondent.responseStatus !== 'submitted' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${respondent.name}`}
                        loading={props.removing === respondent.id}
                        onClick={() => props.onRemove(respondent)}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReminderNotice(props: {
  reminder: Reminder;
  respondents: Respondent[];
  onClose: () => void;
}) {
  const { reminded, withoutEmail } = props.reminder;
  const linkHolders = new Set(
    props.respondents.filter((respondent) => respondent.kind === 'link').map((r) => r.name),
  );
  const newLinks = reminded.some((name) => linkHolders.has(name));
  const nobody = reminded.length === 0 && withoutEmail.length === 0;
  return (
    <Alert
      color={nobody ? 'gray' : withoutEmail.length ? 'orange' : 'green'}
      title={nobody ? 'Nobody to remind' : 'Reminders sent'}
      role="status"
      withCloseButton
      onClose={props.onClose}
    >
      <Stack gap={4}>
        {nobody && <Text size="sm">Everyone asked has submitted their answers.</Text>}
        {reminded.length > 0 && (
          <Text size="sm">
            Reminded by mail: {reminded.join(', ')}.
            {newLinks && ' Response links are mailed afresh: the earlier link stops working.'}
          </Text>
        )}
        {withoutEmail.length > 0 && (
          <Text size="sm">
            Not reminded, no email known: {withoutEmail.join(', ')}. Contact them yourself.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
