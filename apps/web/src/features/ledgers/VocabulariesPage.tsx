import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { VOCABULARY_LABEL_MAX_LENGTH } from '@roi/domain';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { useOrganisation } from '../../session/organisation';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { asFieldMessage } from '../../ui/form-errors';
import { NoAccessPage } from '../../ui/NoAccessPage';
import {
  useMergeLabel,
  useRenameLabel,
  useVocabulary,
  type Vocabulary,
  type VocabularyLabel,
} from './ledgers.queries';
import { usePageTitle } from '../../ui/page-title';

/** Channels and activities: rename a label, or merge two spellings of the same thing into one. */
export function VocabulariesPage() {
  usePageTitle('Channels and activities');
  const current = useOrganisation();
  if (!current.can('ledgers.manage')) return <NoAccessPage permission="ledgers.manage" />;
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          Step 6 · Measure and adapt
        </Text>
        <Title order={2}>Channels and activities</Title>
        <Text size="sm" c="dimmed">
          Labels are matched ignoring case and spaces at the ends, and keep their first spelling.
          Rename one, or merge a duplicate into the label that should stay: its entries move across.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <VocabularySection vocabulary="channels" title="Channels" />
        <VocabularySection vocabulary="activities" title="Activities" />
      </SimpleGrid>
    </Stack>
  );
}

function VocabularySection(props: { vocabulary: Vocabulary; title: string }) {
  const labels = useVocabulary(props.vocabulary);
  const [renaming, setRenaming] = useState<VocabularyLabel | null>(null);
  const [merging, setMerging] = useState<VocabularyLabel | null>(null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={props.title}>
      <Title order={3} size="h4" mb="sm">
        {props.title}
      </Title>
      {labels.isPending ? (
        <Skeleton height={160} />
      ) : labels.isError ? (
        <ErrorState error={labels.error} onRetry={() => void labels.refetch()} />
      ) : labels.data.length === 0 ? (
        <EmptyState title={`No ${props.title.toLowerCase()} yet`}>
          They are added as entries name them.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" aria-label={props.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th ta="right">Costs</Table.Th>
                <Table.Th ta="right">Values</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {labels.data.map((label) => (
                <Table.Tr key={label.id}>
                  <Table.Td>{label.label}</Table.Td>
                  <Table.Td ta="right">{label.costEntries}</Table.Td>
                  <Table.Td ta="right">{label.valueEntries}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button size="compact-xs" variant="subtle" onClick={() => setRenaming(label)}>
                        Rename
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setMerging(label)}
                        disabled={labels.data.length < 2}
                      >
                        Merge
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {renaming && (
        <RenameDialog
          vocabulary={props.vocabulary}
          label={renaming}
          onClose={() => setRenaming(null)}
        />
      )}
      {merging && labels.data && (
        <MergeDialog
          vocabulary={props.vocabulary}
          label={merging}
          others={labels.data.filter((other) => other.id !== merging.id)}
          onClose={() => setMerging(null)}
        />
      )}
    </Paper>
  );
}

const problemText = (error: unknown) =>
  error instanceof ApiProblem
    ? asFieldMessage(Object.values(error.fieldErrors())[0] ?? error.message)
    : 'That did not work; try again.';

function RenameDialog(props: {
  vocabulary: Vocabulary;
  label: VocabularyLabel;
  onClose: () => void;
}) {
  const rename = useRenameLabel(props.vocabulary);
  const [value, setValue] = useState(props.label.label);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const label = value.trim();
    if (!label) return setError('Enter the new label');
    if (label.length > VOCABULARY_LABEL_MAX_LENGTH)
      return setError(`At most ${VOCABULARY_LABEL_MAX_LENGTH} characters`);
    try {
      await rename.mutateAsync({ id: props.label.id, label, version: props.label.version });
      notifications.show({ color: 'green', message: `Renamed to ${label}` });
      props.onClose();
    } catch (failure) {
      setError(
        failure instanceof ApiProblem && failure.status === 409
          ? 'Someone changed this label meanwhile; close and try again with the current one.'
          : problemText(failure),
      );
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={`Rename “${props.label.label}”`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label="New label"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MergeDialog(props: {
  vocabulary: Vocabulary;
  label: VocabularyLabel;
  others: VocabularyLabel[];
  onClose: () => void;
}) {
  const merge = useMergeLabel(props.vocabulary);
  const [intoId, setIntoId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const into = props.others.find((other) => other.id === intoId);
  const moved = props.label.costEntries + props.label.valueEntries;
  const submit = async () => {
    if (!intoId) return setError('Choose the label to keep');
    try {
      await merge.mutateAsync({ id: props.label.id, intoId });
      notifications.show({ color: 'green', message: `Merged into ${into?.label ?? ''}` });
      props.onClose();
    } catch (failure) {
      setError(problemText(failure));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={`Merge “${props.label.label}”`}>
      <Stack>
        <Select
          label="Into"
          placeholder="The label that stays"
          searchable
          data={props.others.map((other) => ({ value: other.id, label: other.label }))}
          value={intoId}
          onChange={setIntoId}
          error={error}
        />
        <Text size="sm">
          {into
            ? `${moved} entries move to “${into.label}” and “${props.label.label}” disappears.`
            : `Its ${moved} entries move to the label you choose.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button color="orange" onClick={() => void submit()} loading={merge.isPending}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
