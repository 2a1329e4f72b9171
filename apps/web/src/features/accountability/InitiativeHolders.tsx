import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MoneyFormat } from '../roi/money';
import type { AccountabilityMap, MappedInitiative, MappedPerson } from './accountability.queries';
import {
  GAP_TITLE,
  gapsByInitiative,
  HOLDER_ROLE,
  type HolderRole,
  personLabel,
} from './accountability-cells';

const ROLES: HolderRole[] = ['accountable', 'responsible'];

/**
 * The map as a list, one card per initiative with who holds each role, then each person's load:
 * what a phone shows instead of the grid.
 */
export function InitiativeHolders(props: {
  map: AccountabilityMap;
  money: MoneyFormat;
  onChange?: (initiative: MappedInitiative, role: HolderRole) => void;
}) {
  const { map, money, onChange } = props;
  const { onInitiative } = gapsByInitiative(map.gaps);
  const person = new Map(map.people.map((entry) => [entry.userId, entry]));
  const holder = (userId: string) => {
    const found = person.get(userId);
    return found ? personLabel(found) : 'A former member';
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Initiatives
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {map.initiatives.map((initiative) => (
          <Paper key={initiative.id} withBorder p="sm" component="li">
            <Text fw={700} size="sm">
              {initiative.code}
            </Text>
            <Text size="sm">{initiative.name}</Text>
            <Text size="xs" c="dimmed" mb={6}>
              Budget {money.format(initiative.budget)} · {initiative.openMilestones} open{' '}
              {initiative.openMilestones === 1 ? 'milestone' : 'milestones'}
            </Text>
            <Stack gap={6}>
              {ROLES.map((role) => {
                const userId =
                  role === 'accountable'
                    ? initiative.accountableUserId
                    : initiative.responsibleUserId;
                return (
                  <Group key={role} justify="space-between" wrap="nowrap" gap="xs">
                    <div style={{ minWidth: 0 }}>
                      <Text size="xs" fw={700} c={`${HOLDER_ROLE[role].colour}.9`}>
                        {HOLDER_ROLE[role].word} ({HOLDER_ROLE[role].meaning})
                      </Text>
                      <Text size="sm">{holder(userId)}</Text>
                    </div>
                    {onChange && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        className="no-print"
                        style={{ flexShrink: 0 }}
                        onClick={() => onChange(initiative, role)}
                        aria-label={`Change who is ${role} for ${initiative.code}`}
                      >
                        Change
                      </Button>
                    )}
                  </Group>
                );
              })}
            </Stack>
            {(onInitiative.get(initiative.id) ?? []).map((gap) => (
              <Text key={gap.kind} size="xs" c="red.9" fw={600} mt={6}>
                Gap: {GAP_TITLE[gap.kind]}
              </Text>
            ))}
          </Paper>
        ))}
      </Stack>
      <Title order={3} size="h4" mt="sm">
        Load by person
      </Title>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {map.people.map((entry) => (
          <Paper key={entry.userId} withBorder p="xs" component="li">
            <Text size="sm" fw={600}>
              {personLabel(entry)}
            </Text>
            <Text size="xs">{loadSentence(entry, money)}</Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "2 initiatives (2 accountable, 1 responsible) · 5 open milestones · £25,250.00" */
function loadSentence(person: MappedPerson, money: MoneyFormat): string {
  const { load } = person;
  if (load.initiatives === 0) return 'No initiative';
  return [
    `${plural(load.initiatives, 'initiative', 'initiatives')} (${person.accountableFor.length} accountable, ${person.responsibleFor.length} responsible)`,
    plural(load.openMilestones, 'open milestone', 'open milestones'),
    money.format(load.budget),
  ].join(' · ');
}
