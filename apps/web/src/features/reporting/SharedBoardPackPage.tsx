import { Alert, Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { sharedPackPdfPath, useSharedBoardPack } from './board-packs.queries';
import { LINK_COLOUR, packFormat } from './BoardPackFormat';
import { BoardPackSections } from './BoardPackSections';
import { usePageTitle } from '../../ui/page-title';

/**
 * Where a share link lands: someone without an account (a board member who never signs in) reads
 * a published pack, read-only. The token in the address is the only key; no session is asked for.
 */
export function SharedBoardPackPage() {
  const token = useParams().token ?? '';
  const shared = useSharedBoardPack(token);
  usePageTitle(shared.data?.title ?? 'Shared board pack');
  if (shared.isPending) return <PageLoader />;
  if (shared.isError) {
    return (
      <Frame>
        <LinkProblem error={shared.error} onRetry={() => void shared.refetch()} />
      </Frame>
    );
  }
  const pack = shared.data;
  const { content } = pack;
  const format = packFormat(content.organisation);
  return (
    <Frame>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="header">
        <Text size="sm" c="gray.7" data-organisation>
          {content.organisation.name} · board pack
        </Text>
        <Title order={1} size="h2">
          {pack.title}
        </Title>
        <Text size="sm" mt={4}>
          {pack.cycleName} · as of {format.day(pack.asOf)}
          {pack.publishedAt ? ` · published ${format.dayOf(pack.publishedAt)}` : ''}
          {pack.publishedByName ? ` by ${pack.publishedByName}` : ''}
        </Text>
        <Group mt="sm">
          <Anchor href={sharedPackPdfPath(token)} download fw={600} size="sm" c={LINK_COLOUR}>
            Download PDF
          </Anchor>
        </Group>
      </Paper>
      <BoardPackSections content={content} commentary={pack.commentary} />
    </Frame>
  );
}

/** The page without the signed-in shell: the product's name, then what the link opens. */
function Frame(props: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 'xl' }} component="main">
      <Container size={1200} px={{ base: 'xs', sm: 'md' }}>
        <Stack gap="lg">
          <Text fw={700} c="indigo.8">
            Return-on-Impact planner
          </Text>
          {props.children}
        </Stack>
      </Container>
    </Box>
  );
}

/** An unknown, revoked or expired link: say which, and what the holder can do about it. */
function LinkProblem(props: { error: unknown; onRetry: () => void }) {
  const status = props.error instanceof ApiProblem ? props.error.status : undefined;
  if (status === 404) {
    return (
      <Alert color="red" title="Link not found" role="alert">
        This link does not exist or has been revoked.
      </Alert>
    );
  }
  if (status === 410) {
    return (
      <Alert color="orange" title="Link expired" role="alert">
        This link has expired. Ask whoever shared it for a new one.
      </Alert>
    );
  }
  return <ErrorState error={props.error} onRetry={props.onRetry} />;
}
