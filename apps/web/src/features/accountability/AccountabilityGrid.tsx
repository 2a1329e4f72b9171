import { Stack, Table, Text } from '@mantine/core';
import { ROLE_LABELS } from '@roi/domain';
import type { MoneyFormat } from '../roi/money';
import type { AccountabilityMap, MappedInitiative, MappedPerson } from './accountability.queries';
import { gapsByInitiative, type HolderRole, rolesOn } from './accountability-cells';
import { HolderMark } from './HolderMark';

/**
 * People (rows) by initiatives (columns): each cell says in words which role the person holds on
 * the initiative, and each row ends with the person's load. For wide screens and paper.
 */
export function AccountabilityGrid(props: {
  map: AccountabilityMap;
  money: MoneyFormat;
  onChange?: (initiative: MappedInitiative, role: HolderRole) => void;
}) {
  const { map, money, onChange } = props;
  const { onInitiative } = gapsByInitiative(map.gaps);
  return (
    <Table.ScrollContainer minWidth={320 + map.initiatives.length * 150}>
      <Table
        aria-label="Accountability map: people by initiatives"
        withColumnBorders
        withTableBorder
        verticalSpacing="xs"
        className="accountability-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={180}>
              Person
            </Table.Th>
            {map.initiatives.map((initiative) => {
              const gaps = onInitiative.get(initiative.id) ?? [];
              return (
                <Table.Th
                  key={initiative.id}
                  scope="col"
                  miw={140}
                  style={{ verticalAlign: 'top' }}
                >
                  <Text fw={700} size="sm">
                    {initiative.code}
                  </Text>
                  <Text size="xs" fw={400} lineClamp={3} title={initiative.name}>
                    {initiative.name}
                  </Text>
                  {gaps.length > 0 && (
                    <Text size="xs" fw={700} c="red.9" mt={2}>
                      {gaps.length === 1 ? '1 gap' : `${gaps.length} gaps`}
                    </Text>
                  )}
                </Table.Th>
              );
            })}
            <Table.Th scope="col" ta="right">
              Initiatives
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Open milestones
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Budget
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.people.map((person) => (
            <Table.Tr key={person.userId}>
              <Table.Th scope="row" fw={400}>
                <PersonName person={person} />
              </Table.Th>
              {map.initiatives.map((initiative) => (
                <Table.Td key={initiative.id}>
                  <Stack gap={4} align="flex-start">
                    {rolesOn(person, initiative).map((role) => (
                      <HolderMark
                        key={role}
                        role={role}
                        person={person}
                        initiative={initiative}
                        {...(onChange ? { onChange: () => onChange(initiative, role) } : {})}
                      />
                    ))}
                  </Stack>
                </Table.Td>
              ))}
              <Table.Td ta="right">{person.load.initiatives}</Table.Td>
              <Table.Td ta="right">{person.load.openMilestones}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money.format(person.load.budget)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PersonName(props: { person: MappedPerson }) {
  const { person } = props;
  return (
    <>
      <Text size="sm" fw={600}>
        {person.name}
      </Text>
      <Text size="xs" c={person.role === null ? 'red.9' : 'dimmed'}>
        {person.role === null ? 'No longer a member' : ROLE_LABELS[person.role]}
      </Text>
    </>
  );
}
