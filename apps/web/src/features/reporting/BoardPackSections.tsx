import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import type { BoardPackContent, Commentary } from './board-packs.queries';
import { BoardPackKpis } from './BoardPackKpis';
import { BoardPackDelivery, BoardPackExperiments } from './BoardPackDelivery';
import { packFormat } from './BoardPackFormat';
import { BoardPackMoney } from './BoardPackMoney';
import { formatScore as score } from './report-format';
import { RoadmapStrip } from './report-parts';

/**
 * A board pack's sections in the order the board reads them (issue 14): the author's summary,
 * where the cycle stands, maturity, KPIs and who answers for a miss, the money, delivery,
 * experiments, and the decisions asked of the board. The signed-in page and the shared page show
 * the same sections; a draft's author may hand in editors for the two commentary sections.
 */
export function BoardPackSections(props: {
  content: BoardPackContent;
  commentary: Commentary;
  /** Replaces the executive summary's text (a draft's editor). */
  summaryEditor?: ReactNode;
  /** Replaces the decisions' text (a draft's editor). */
  decisionsEditor?: ReactNode;
}) {
  const { content, commentary } = props;
  const format = packFormat(content.organisation);
  return (
    <Stack gap="xl">
      <PackSection number={1} title="Executive summary">
        {props.summaryEditor ?? (
          <Commentary text={commentary.summary} missing="No summary was written." />
        )}
      </PackSection>
      <PackSection number={2} title="Roadmap status">
        <RoadmapStrip steps={content.roadmap} />
      </PackSection>
      <PackSection number={3} title="Maturity and assessment highlights">
        <Maturity maturity={content.maturity} />
      </PackSection>
      <PackSection number={4} title="KPIs against targets">
        <BoardPackKpis content={content} format={format} />
      </PackSection>
      <PackSection number={5} title="Return on investment to date">
        <BoardPackMoney content={content} format={format} />
      </PackSection>
      <PackSection number={6} title="Milestones delivered and missed">
        <BoardPackDelivery milestones={content.milestones} format={format} />
      </PackSection>
      <PackSection number={7} title="Experiments and lessons">
        <BoardPackExperiments experiments={content.experiments} format={format} />
      </PackSection>
      <PackSection number={8} title="Decisions requested of the board">
        {props.decisionsEditor ?? (
          <Commentary text={commentary.decisions} missing="No decision is requested." />
        )}
      </PackSection>
    </Stack>
  );
}

/** One numbered part of the pack, named for assistive technology by its heading. */
export function PackSection(props: { number: number; title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" className="board-pack-section">
      <Title order={3} id={id} size="h3">
        {props.number}. {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

function Commentary(props: { text: string; missing: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      {props.text.trim() ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{props.text}</Text>
      ) : (
        <Text c="gray.7" fs="italic">
          {props.missing}
        </Text>
      )}
    </Paper>
  );
}

function Maturity(props: { maturity: BoardPackContent['maturity'] }) {
  const { maturity } = props;
  if (!maturity) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text c="gray.7">No maturity assessment was closed in this cycle by the as-of date.</Text>
      </Paper>
    );
  }
  const previous = maturity.previousCycleName
    ? ` (${maturity.previousCycleName}: stage ${maturity.previousStage ?? '—'}, score ${score(maturity.previousOverallScore)})`
    : '';
  const data = maturity.dimensions.map((dimension) => ({
    name: dimension.dimension,
    score: dimension.score,
    previousScore: dimension.previousScore,
  }));
  const summary =
    `Maturity score of ${maturity.dimensions.length} dimensions on a scale of 1 to 5` +
    (maturity.previousCycleName ? `, beside ${maturity.previousCycleName}.` : '.');
  return (
    <Stack gap="sm">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group gap="xl" align="flex-start" wrap="wrap">
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="gray.7">
              Stage
            </Text>
            <Text fz={24} fw={700}>
              {maturity.stage ?? '—'} {maturity.stageName ? `· ${maturity.stageName}` : ''}
            </Text>
          </div>
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="gray.7">
              Overall score
            </Text>
            <Text fz={24} fw={700}>
              {score(maturity.overallScore)}
            </Text>
          </div>
        </Group>
        <Text size="sm" mt="xs">
          {maturity.title}
          {previous}
        </Text>
      </Paper>
      <ChartOrTable
        title="Maturity by dimension"
        summary={summary}
        chart={
          <div style={{ width: '100%', height: 80 + data.length * 44 }}>
            <ResponsiveContainer>
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} fontSize={12} />
                <YAxis type="category" dataKey="name" width={150} fontSize={12} />
                <Tooltip formatter={(value) => score(typeof value === 'number' ? value : null)} />
                <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
                {maturity.previousCycleName && (
                  <Bar
                    name={maturity.previousCycleName}
                    dataKey="previousScore"
                    fill="var(--mantine-color-gray-5)"
                    isAnimationActive={false}
                  />
                )}
                <Bar
                  name="This cycle"
                  dataKey="score"
                  fill="var(--mantine-color-indigo-6)"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
        table={
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label="Maturity by dimension" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dimension</Table.Th>
                  <Table.Th style={NUMERIC}>Score</Table.Th>
                  <Table.Th style={NUMERIC}>Previous</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {maturity.dimensions.map((dimension) => (
                  <Table.Tr key={dimension.dimension}>
                    <Table.Td>{dimension.dimension}</Table.Td>
                    <Table.Td style={NUMERIC}>{score(dimension.score)}</Table.Td>
                    <Table.Td style={NUMERIC}>{score(dimension.previousScore)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        }
      />
      {maturity.findings.length > 0 && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Title order={4} size="h5" mb="xs">
            Findings
          </Title>
          <List size="sm" spacing={4}>
            {maturity.findings.map((finding) => (
              <List.Item key={finding}>{finding}</List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
