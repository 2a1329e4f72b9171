import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { isIsoDate } from '@roi/domain';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { showProblemInForm } from '../../ui/form-errors';
import { useCycles } from '../cycles/cycles.queries';
import { useAssessments, useStartAssessment, useTemplates } from './assessments.queries';
import type { Template } from './templates.queries';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

/** The built-in templates and the organisation's own, each group by name. */
function templateOptions(templates: Template[]) {
  const option = (template: Template) => ({
    value: template.id,
    label: template.builtIn ? template.name : `${template.name} (v${template.version})`,
  });
  const own = templates.filter((template) => !template.builtIn).map(option);
  const builtIn = templates.filter((template) => template.builtIn).map(option);
  return own.length === 0
    ? builtIn
    : [
        { group: 'Built-in', items: builtIn },
        { group: 'Your organisation’s', items: own },
      ];
}

export function AssessmentsPage() {
  usePageTitle('Assessments');
  const current = useOrganisation();
  const assessments = useAssessments();
  return (
    <Stack>
      <div>
        <Title order={2}>Assessments</Title>
        <Text c="dimmed" size="sm">
          Step 1: the empirical baseline. Ratings with evidence, not opinion.
        </Text>
      </div>
      {current.can('assessments.manage') && <StartAssessmentForm />}
      {assessments.isPending ? (
        <Skeleton height={120} />
      ) : assessments.isError ? (
        <ErrorState error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : assessments.data.length === 0 ? (
        <EmptyState title="No assessment yet">
          {current.can('assessments.manage')
            ? 'Start with the leadership pulse: one question, every senior manager, with evidence.'
            : 'Assessments appear here once they are started, the leadership pulse first.'}
        </EmptyState>
      ) : (
        <Table verticalSpacing="sm" aria-label="Assessments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Answers due by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.data.map((assessment) => (
              <Table.Tr key={assessment.id}>
                <Table.Td>
                  <Anchor component={Link} to={assessment.id} fw={600}>
                    {assessment.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={assessment.status === 'open' ? 'blue' : 'gray'}>
                    {assessment.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{assessment.submitted}</Table.Td>
                <Table.Td>{assessment.deadline ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function StartAssessmentForm() {
  const cycles = useCycles();
  const templates = useTemplates();
  const start = useStartAssessment();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      cycleId: null as string | null,
      templateId: null as string | null,
      title: '',
      deadline: '',
    },
    validate: {
      cycleId: (value) => (value ? null : 'Choose the cycle'),
      templateId: (value) => (value ? null : 'Choose a template'),
      title: (value) => (value.trim() ? null : 'Give it a title'),
      deadline: (value) =>
        !value ? null : !isIsoDate(value) ? 'Choose a day, or leave it empty' : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const assessment = await start.mutateAsync({
        cycleId: values.cycleId!,
        templateId: values.templateId!,
        title: values.title,
        ...(values.deadline ? { deadline: values.deadline } : {}),
      });
      await navigate(assessment.id);
    } catch (error) {
      showProblemInForm(form, error, 'title');
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Start an assessment">
        <Group align="flex-end">
          <Select
            label="Cycle"
            data={(cycles.data ?? []).map((cycle) => ({ value: cycle.id, label: cycle.name }))}
            w={200}
            {...form.getInputProps('cycleId')}
          />
          <Select
            label="Template"
            data={templateOptions(templates.data ?? [])}
            w={240}
            {...form.getInputProps('templateId')}
          />
          <TextInput
            label="Title"
            placeholder="Leadership pulse, spring 2027"
            w={260}
            {...form.getInputProps('title')}
          />
          <TextInput
            label="Answers due by"
            type="date"
            w={170}
            {...form.getInputProps('deadline')}
          />
          <Button type="submit" loading={start.isPending}>
            Start
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
