import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { STRATEGY_STEPS } from '@roi/domain';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useNavigation } from 'react-router';
import { PageLoader } from '../ui/PageLoader';

/** The frame of every page: the product's name, and the way through the six steps of a cycle. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useNavigation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label="Toggle navigation"
          />
          <Title order={1} size="h4">
            Return-on-Impact planner
          </Title>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <ScrollArea>
          <NavLink
            component={RouterNavLink}
            to="/organisations"
            label="Organisations"
            onClick={close}
          />
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            Strategy cycle
          </Text>
          {STRATEGY_STEPS.map((step) => (
            <NavLink
              key={step.key}
              component={RouterNavLink}
              to={`/steps/${step.key}`}
              label={step.name}
              onClick={close}
              leftSection={
                <Badge size="sm" variant="light" circle>
                  {step.number}
                </Badge>
              }
            />
          ))}
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
