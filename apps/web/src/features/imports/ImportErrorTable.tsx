import { Table, Text } from '@mantine/core';
import type { ImportRowError } from './imports.queries';

/** Every bad field the API named (the first 1,000 of them), and how many more there are. */
export function ImportErrorTable(props: { errors: ImportRowError[]; errorCount: number }) {
  const more = props.errorCount - props.errors.length;
  return (
    <>
      <Table.ScrollContainer minWidth={480} mah={360}>
        <Table aria-label="Rows refused" verticalSpacing={4} striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80} ta="right">
                Row
              </Table.Th>
              <Table.Th w={140}>Column</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.errors.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column}-${index}`}>
                <Table.Td ta="right">{error.row}</Table.Td>
                <Table.Td>{error.column}</Table.Td>
                <Table.Td>{error.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          and {more.toLocaleString('en-GB')} more
        </Text>
      )}
    </>
  );
}
