import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import {
  type BoardPack,
  type CreatedShareLink,
  type ShareLink,
  useShareLinkActions,
  useShareLinks,
} from './board-packs.queries';
import { BUTTON_COLOUR, LINK_COLOUR, type PackFormat } from './BoardPackFormat';

export type ShareLinkState = 'active' | 'expired' | 'revoked';

/** Revoked first (for good), then expired by the clock, else it still opens the pack. */
export function shareLinkState(link: ShareLink, now: Date = new Date()): ShareLinkState {
  if (link.revokedAt) return 'revoked';
  if (new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

const STATE: Record<ShareLinkState, { label: string; colour: string }> = {
  active: { label: 'Active', colour: 'teal.9' },
  expired: { label: 'Expired', colour: 'gray.7' },
  revoked: { label: 'Revoked', colour: 'red.9' },
};

/**
 * Read-only links to a published pack for someone without an account (a board member who never
 * signs in): each expires after the days chosen, its address is shown once (only its hash is
 * stored), and it can be revoked at any time.
 */
export function ShareLinksPanel(props: { pack: BoardPack; format: PackFormat }) {
  const links = useShareLinks(props.pack.id, true);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-label="Share links"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            Share links
          </Title>
          <Text size="sm" c="gray.7">
            Anyone holding a link reads this pack without signing in, until it expires or is
            revoked.
          </Text>
        </div>
        <NewShareLinkForm packId={props.pack.id} onCreated={setCreated} />
        {created && <CreatedLink link={created} onDone={() => setCreated(null)} />}
        {links.isPending ? (
          <Skeleton height={60} />
        ) : links.isError ? (
          <ErrorState error={links.error} onRetry={() => void links.refetch()} />
        ) : (
          <ShareLinkList links={links.data} packId={props.pack.id} format={props.format} />
        )}
      </Stack>
    </Paper>
  );
}

function NewShareLinkForm(props: { packId: string; onCreated: (link: CreatedShareLink) => void }) {
  const { create } = useShareLinkActions(props.packId);
  const form = useForm<{ expiresInDays: number | string }>({
    initialValues: { expiresInDays: 30 },
    validate: {
      expiresInDays: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 365
          ? null
          : 'A whole number of days from 1 to 365',
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      props.onCreated(await create.mutateAsync(Number(values.expiresInDays)));
    } catch (error) {
      showProblemInForm(form, error, 'expiresInDays');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="New share link">
      <Group align="flex-start" gap="sm">
        <NumberInput
          label="Expires in (days)"
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          w={170}
          {...form.getInputProps('expiresInDays')}
        />
        <Button type="submit" color={BUTTON_COLOUR} loading={create.isPending} mt={25}>
          Create link
        </Button>
      </Group>
    </form>
  );
}

/** The new link's address, shown this once with a button to copy it. */
function CreatedLink(props: { link: CreatedShareLink; onDone: () => void }) {
  return (
    <Alert color="teal" variant="light" title="Link created: copy it now" role="status">
      <Stack gap="xs">
        <Text size="sm">
          This is the only time the link is shown: only a fingerprint of it is kept. Send it to
          whoever should read the pack.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="New share link"
            value={props.link.url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
          />
          <CopyButton value={props.link.url}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal.9' : BUTTON_COLOUR} onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="subtle" color={LINK_COLOUR} onClick={props.onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function ShareLinkList(props: { links: ShareLink[]; packId: string; format: PackFormat }) {
  const { format } = props;
  const { revoke } = useShareLinkActions(props.packId);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (props.links.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        No share link yet.
      </Text>
    );
  }
  const close = () => {
    setRevoking(null);
    setFailure(null);
  };
  const confirm = async () => {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      notifications.show({ color: 'green', message: 'Link revoked' });
      close();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work; try again.');
    }
  };
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Share links of this pack" verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Opened</Table.Th>
              <Table.Th>Last opened</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.links.map((link) => {
              const state = shareLinkState(link);
              return (
                <Table.Tr key={link.id} data-link={link.id} data-state={state}>
                  <Table.Td>
                    {format.instant(link.createdAt)}
                    {link.createdByName && (
                      <Text size="xs" c="gray.7">
                        by {link.createdByName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.instant(link.expiresAt)}</Table.Td>
                  <Table.Td>
                    {link.openCount === 0
                      ? 'Never'
                      : `${link.openCount} ${link.openCount === 1 ? 'time' : 'times'}`}
                  </Table.Td>
                  <Table.Td>{link.lastOpenedAt ? format.instant(link.lastOpenedAt) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge autoContrast color={STATE[state].colour} variant="filled" size="sm">
                      {STATE[state].label}
                    </Badge>
                    {link.revokedAt && (
                      <Text size="xs" c="gray.7">
                        {format.instant(link.revokedAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {state === 'active' && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRevoking(link)}
                        aria-label={`Revoke the link created ${format.instant(link.createdAt)}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={revoking !== null} onClose={close} title="Revoke this link?">
        <Stack>
          <Text size="sm">
            Whoever holds it will no longer be able to open the pack: the link answers “does not
            exist” from now on. This cannot be undone; create a new link to share the pack again.
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => void confirm()}>
              Revoke link
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
