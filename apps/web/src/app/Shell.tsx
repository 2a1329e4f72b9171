import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Select,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS } from '@roi/domain';
import { Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useSignOut } from '../features/accounts/accounts.queries';
import { useMe } from '../session/me.queries';
import { PageLoader } from '../ui/PageLoader';
import { useOrganisationInAddress } from './current-organisation';
import { OrganisationNav } from './OrganisationNav';

/** The frame of every signed-in page: the organisation switcher, the six steps, the person. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useNavigation();
  const current = useOrganisationInAddress();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h4" visibleFrom="xs">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Return-on-Impact planner
              </Link>
            </Title>
            <OrganisationSwitcher />
          </Group>
          <PersonMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {/* The browser's own scrolling: Mantine's ScrollArea measured its thumb on every render. */}
        <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
          {current ? (
            <OrganisationNav current={current} onNavigate={close} />
          ) : (
            <NavLink
              component={RouterNavLink}
              to="/organisations"
              label="Your organisations"
              onClick={close}
            />
          )}
        </Box>
      </AppShell.Navbar>
      <AppShell.Main>
        {navigation.state === 'loading' ? (
          <PageLoader />
        ) : (
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

/** A consultant serving several clients moves between them here. */
function OrganisationSwitcher() {
  const me = useMe().data;
  const current = useOrganisationInAddress();
  const navigate = useNavigate();
  if (!me || me.memberships.length === 0) return null;
  return (
    <Select
      aria-label="Organisation"
      placeholder="Choose an organisation"
      w={{ base: 200, sm: 280 }}
      value={current?.membership.organisationId ?? null}
      data={me.memberships.map((membership) => ({
        value: membership.organisationId,
        label: membership.external
          ? `${membership.organisationName} (external)`
          : membership.organisationName,
      }))}
      allowDeselect={false}
      // Also keeps its list unmounted until opened: a mounted list (Mantine's default) is
      // positioned as every page loads, a forced style and layout of 25-60 ms in its first task.
      autoSelectOnBlur={false}
      searchable={me.memberships.length > 6}
      onChange={(organisationId) =>
        organisationId && void navigate(`/organisations/${organisationId}`)
      }
    />
  );
}

function PersonMenu() {
  const me = useMe().data;
  const current = useOrganisationInAddress();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" px={{ base: 4, sm: 'md' }}>
          {/* The name read out holds the visible text: "Account of <name> <role>". */}
          <VisuallyHidden>Account of </VisuallyHidden>
          {/* A phone has room for the person's initials only; their name is still read out. */}
          <Box hiddenFrom="sm">
            <Avatar name={me.user.name} color="indigo" size={32} aria-hidden />
            <VisuallyHidden>
              {me.user.name} {current ? ROLE_LABELS[current.membership.role] : ''}
            </VisuallyHidden>
          </Box>
          <Group gap={6} wrap="nowrap" visibleFrom="sm">
            <Text size="sm" fw={600} truncate maw={{ base: 160, lg: 320 }}>
              {me.user.name}
            </Text>
            {current && (
              <Badge
                size="sm"
                variant="light"
                color={current.membership.external ? 'orange' : 'indigo'}
              >
                {ROLE_LABELS[current.membership.role]}
              </Badge>
            )}
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Your profile
        </Menu.Item>
        <Menu.Item component={Link} to="/organisations">
          Your organisations
        </Menu.Item>
        {me.memberships.length > 1 && (
          <Menu.Item component={Link} to="/portfolio">
            Portfolio
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={async () => {
            await signOut.mutateAsync(undefined);
            await navigate('/sign-in');
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
