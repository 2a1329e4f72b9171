import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useOrganisation, useOrganisationId } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import {
  ConflictDialog,
  type FieldSpec,
  useVersionedEdit,
  VersionNotices,
} from '../../ui/versioned-edit';
import { useMemberOptions } from '../members/members.queries';
import {
  type BoardPack,
  type Commentary,
  fetchBoardPack,
  packDownloadPath,
  useBoardPack,
  useBoardPackActions,
} from './board-packs.queries';
import { BoardPackComparisonPanel } from './BoardPackComparison';
import { BUTTON_COLOUR, LINK_COLOUR, packFormat } from './BoardPackFormat';
import { BoardPackSections } from './BoardPackSections';
import { ShareLinksPanel } from './ShareLinksPanel';
import { usePageTitle } from '../../ui/page-title';

/**
 * One board pack. A draft shows its live figures as of its date, and its author writes the
 * commentary, then publishes (for good) or deletes it; a published pack is the frozen record,
 * downloadable, compared with the previous one, and shareable by link with someone without an
 * account.
 */
export function BoardPackPage() {
  const packId = useParams().packId ?? '';
  const orgId = useOrganisationId();
  const pack = useBoardPack(packId);
  usePageTitle(pack.data?.title ?? 'Board pack');
  if (pack.isPending) {
    return (
      <Stack>
        <Skeleton height={60} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (pack.isError) {
    const missing = pack.error instanceof ApiProblem && pack.error.status === 404;
    return (
      <Stack>
        <BackToPacks orgId={orgId} />
        {missing ? (
          <Alert color="red" title="No such board pack" role="alert">
            This pack does not exist, or it is a draft only its authors can see.
          </Alert>
        ) : (
          <ErrorState error={pack.error} onRetry={() => void pack.refetch()} />
        )}
      </Stack>
    );
  }
  return <PackView pack={pack.data} />;
}

function BackToPacks(props: { orgId: string }) {
  return (
    <Anchor
      component={Link}
      to={`/organisations/${props.orgId}/board-packs`}
      size="sm"
      c={LINK_COLOUR}
    >
      ← All board packs
    </Anchor>
  );
}

function PackView(props: { pack: BoardPack }) {
  const manages = useOrganisation().can('board-packs.manage');
  const editable = props.pack.status === 'draft' && manages;
  return editable ? <EditableDraft pack={props.pack} /> : <PackBody pack={props.pack} />;
}

/** A draft its author may still write in: the commentary sections become editors. */
function EditableDraft(props: { pack: BoardPack }) {
  const commentary = useCommentaryEditor(props.pack);
  return (
    <>
      <PackBody pack={props.pack} editors={commentary} />
      {commentary.dialog}
    </>
  );
}

function PackBody(props: {
  pack: BoardPack;
  editors?: { summary: ReactNode; decisions: ReactNode };
}) {
  const { pack } = props;
  const orgId = useOrganisationId();
  const manages = useOrganisation().can('board-packs.manage');
  const format = packFormat(pack.content.organisation);
  const draft = pack.status === 'draft';
  return (
    <Stack gap="lg" className="board-pack">
      <Stack gap={4}>
        <BackToPacks orgId={orgId} />
        <Group gap="sm" align="center">
          <Title order={2}>{pack.title}</Title>
          {draft ? (
            <Badge autoContrast color="yellow.4" variant="filled">
              Draft
            </Badge>
          ) : (
            <Badge autoContrast color="teal.9" variant="filled">
              Published
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          {pack.cycleName} · as of {format.day(pack.asOf)}
        </Text>
      </Stack>
      {draft ? (
        <Alert color="yellow" variant="light" role="status">
          <Text size="sm">
            Draft: live figures as of {format.day(pack.asOf)}; publishing freezes them.
          </Text>
          {manages && <DraftActions pack={pack} />}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" role="status">
          <Text size="sm" fw={600}>
            Published {format.dayOf(pack.publishedAt)}
            {pack.publishedByName ? ` by ${pack.publishedByName}` : ''} — figures frozen
          </Text>
          <Group gap="md" mt="xs">
            <Anchor
              href={packDownloadPath(orgId, pack.id, 'pdf')}
              download
              size="sm"
              fw={600}
              c={LINK_COLOUR}
            >
              Download PDF
            </Anchor>
            <Anchor
              href={packDownloadPath(orgId, pack.id, 'xlsx')}
              download
              size="sm"
              fw={600}
              c={LINK_COLOUR}
            >
              Download XLSX
            </Anchor>
          </Group>
        </Alert>
      )}
      {!draft && manages && <ShareLinksPanel pack={pack} format={format} />}
      {!draft && <BoardPackComparisonPanel pack={pack} format={format} />}
      <BoardPackSections
        content={pack.content}
        commentary={pack.commentary}
        summaryEditor={props.editors?.summary}
        decisionsEditor={props.editors?.decisions}
      />
    </Stack>
  );
}

const toValues = (pack: BoardPack): Commentary => ({
  summary: pack.commentary.summary,
  decisions: pack.commentary.decisions,
});

const FIELDS: FieldSpec<Commentary>[] = [
  { key: 'summary', label: 'Executive summary' },
  { key: 'decisions', label: 'Decisions requested of the board' },
];

const COMMENTARY_MAX = 20_000;
const withinLength = (value: string) =>
  value.length > COMMENTARY_MAX ? `At most ${COMMENTARY_MAX} characters` : null;

/**
 * The draft's two commentary fields, each in its own section of the pack, saved together with
 * the version they started from: someone else's save in between answers 409 and the dialog
 * shows both versions.
 */
function useCommentaryEditor(pack: BoardPack) {
  const orgId = useOrganisationId();
  const { saveCommentary } = useBoardPackActions(pack.id);
  const members = useMemberOptions();
  const form = useForm<Commentary>({
    initialValues: toValues(pack),
    validate: { summary: withinLength, decisions: withinLength },
  });
  const edit = useVersionedEdit({
    entity: 'board_packs',
    record: pack,
    latest: pack,
    toValues,
    fetchLatest: () => fetchBoardPack(orgId, pack.id),
    form,
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await saveCommentary.mutateAsync({
        commentary: values,
        version: edit.version,
      });
      edit.saved(saved);
      notifications.show({ color: 'green', message: 'Commentary saved' });
    } catch (error) {
      if (!edit.catchConflict(error)) showProblemInForm(form, error, 'summary');
    }
  });
  const saveButton = (
    <Group justify="flex-end">
      <Button
        type="submit"
        color={BUTTON_COLOUR}
        loading={saveCommentary.isPending}
        disabled={!form.isDirty()}
      >
        Save commentary
      </Button>
    </Group>
  );
  return {
    summary: (
      <form onSubmit={submit} noValidate aria-label="Executive summary">
        <Stack gap="xs">
          <VersionNotices edit={edit} what="board pack" nameOf={members.nameOf} />
          <Textarea
            label="Executive summary"
            description="What the board should take from this pack, in your words."
            autosize
            minRows={4}
            maxRows={16}
            {...form.getInputProps('summary')}
          />
          {saveButton}
        </Stack>
      </form>
    ),
    decisions: (
      <form onSubmit={submit} noValidate aria-label="Decisions requested">
        <Stack gap="xs">
          <Textarea
            label="Decisions requested of the board"
            description="Each decision you ask for, and what it would change."
            autosize
            minRows={3}
            maxRows={16}
            {...form.getInputProps('decisions')}
          />
          {saveButton}
        </Stack>
      </form>
    ),
    dialog: <ConflictDialog edit={edit} what="board pack" fields={FIELDS} />,
  };
}

/** Publish (for good, after a confirmation) or delete the draft. */
function DraftActions(props: { pack: BoardPack }) {
  const { pack } = props;
  const orgId = useOrganisationId();
  const navigate = useNavigate();
  const { publish, remove } = useBoardPackActions(pack.id);
  const [asking, setAsking] = useState<'publish' | 'delete' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setAsking(null);
    setFailure(null);
  };
  const run = async () => {
    setFailure(null);
    try {
      if (asking === 'publish') {
        await publish.mutateAsync();
        notifications.show({ color: 'green', message: 'Published: its figures are frozen' });
        close();
      } else {
        await remove.mutateAsync();
        notifications.show({ color: 'green', message: 'Draft deleted' });
        close();
        await navigate(`/organisations/${orgId}/board-packs`);
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work; try again.');
    }
  };
  return (
    <>
      <Group gap="sm" mt="sm">
        <Button color={BUTTON_COLOUR} onClick={() => setAsking('publish')}>
          Publish
        </Button>
        <Button variant="default" color="red" onClick={() => setAsking('delete')}>
          Delete draft
        </Button>
      </Group>
      <Modal
        opened={asking !== null}
        onClose={close}
        title={asking === 'publish' ? 'Publish this pack?' : 'Delete this draft?'}
      >
        <Stack>
          {asking === 'publish' ? (
            <Text size="sm">
              Publishing stores every figure of “{pack.title}” as it stands now and freezes them:
              the pack and its commentary can no longer change, and it cannot be deleted. Board
              members will see it. This cannot be undone.
            </Text>
          ) : (
            <Text size="sm">
              “{pack.title}” and its commentary will be deleted. This cannot be undone.
            </Text>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={asking === 'delete' ? 'red.9' : BUTTON_COLOUR}
              loading={publish.isPending || remove.isPending}
              onClick={() => void run()}
            >
              {asking === 'publish' ? 'Publish for good' : 'Delete draft'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
