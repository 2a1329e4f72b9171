import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS, STRATEGY_STEPS, type Permission } from '@roi/domain';
import { Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useMe, useSignOut } from '../features/accounts/accounts.queries';
import { PageLoader } from '../ui/PageLoader';
import { useCurrentOrganisation } from './current-organisation';

const ADMINISTRATION: { path: string; label: string; permission: Permission }[] = [
  { path: 'members', label: 'Members and invitations', permission: 'members.read' },
  { path: 'api-keys', label: 'API keys', permission: 'api-keys.manage' },
  { path: 'audit-log', label: 'Audit log', permission: 'audit.read' },
  { path: 'outbox', label: 'Mail outbox', permission: 'outbox.read' },
  { path: 'settings', label: 'Settings', permission: 'organisation.update' },
];

const PLAN_AND_EXECUTION: { path: string; label: string }[] = [
  { path: 'plan', label: 'Strategy map' },
  { path: 'plan/versions', label: 'Plan versions' },
  { path: 'plan/learning', label: 'Learning log' },
  { path: 'execution', label: 'Milestones' },
  { path: 'execution/timeline', label: 'Timeline and burn-up' },
];

/** The frame of every signed-in page: the organisation switcher, the six steps, the person. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useNavigation();
  const current = useCurrentOrganisation();
  const base = current && `/organisations/${current.membership.organisationId}`;
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
        <ScrollArea>
          {current && base ? (
            <>
              <NavLink component={RouterNavLink} to={base} end label="Overview" onClick={close} />
              <NavLink
                component={RouterNavLink}
                to={`${base}/cycles`}
                label="Strategy cycles"
                onClick={close}
              />
              <NavLink
                component={RouterNavLink}
                to={`${base}/assessments`}
                label="Assessments"
                onClick={close}
              />
              <NavLink
                component={RouterNavLink}
                to={`${base}/assessment-templates`}
                label="Assessment templates"
                onClick={close}
              />
              <SectionLabel>Plan and execution</SectionLabel>
              {PLAN_AND_EXECUTION.map((item) => (
                <NavLink
                  key={item.path}
                  component={RouterNavLink}
                  to={`${base}/${item.path}`}
                  end
                  label={item.label}
                  onClick={close}
                />
              ))}
              <SectionLabel>Strategy cycle</SectionLabel>
              {STRATEGY_STEPS.map((step) => (
                <NavLink
                  key={step.key}
                  component={RouterNavLink}
                  to={`${base}/steps/${step.key}`}
                  label={step.name}
                  onClick={close}
                  leftSection={
                    <Badge size="sm" variant="light" circle>
                      {step.number}
                    </Badge>
                  }
                />
              ))}
              {ADMINISTRATION.some((item) => current.can(item.permission)) && (
                <SectionLabel>Organisation</SectionLabel>
              )}
              {ADMINISTRATION.filter((item) => current.can(item.permission)).map((item) => (
                <NavLink
                  key={item.path}
                  component={RouterNavLink}
                  to={`${base}/${item.path}`}
                  label={item.label}
                  onClick={close}
                />
              ))}
            </>
          ) : (
            <NavLink
              component={RouterNavLink}
              to="/organisations"
              label="Your organisations"
              onClick={close}
            />
          )}
        </ScrollArea>
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

function SectionLabel(props: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
      {props.children}
    </Text>
  );
}

/** A consultant serving several clients moves between them here. */
function OrganisationSwitcher() {
  const me = useMe().data;
  const current = useCurrentOrganisation();
  const navigate = useNavigate();
  if (!me || me.memberships.length === 0) return null;
  return (
    <Select
      aria-label="Organisation"
      placeholder="Choose an organisation"
      w={280}
      value={current?.membership.organisationId ?? null}
      data={me.memberships.map((membership) => ({
        value: membership.organisationId,
        label: membership.external
          ? `${membership.organisationName} (external)`
          : membership.organisationName,
      }))}
      allowDeselect={false}
      searchable={me.memberships.length > 6}
      onChange={(organisationId) =>
        organisationId && void navigate(`/organisations/${organisationId}`)
      }
    />
  );
}

function PersonMenu() {
  const me = useMe().data;
  const current = useCurrentOrganisation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" aria-label={`Account of ${me.user.name}`}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate maw={180}>
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
