import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuestionKind } from '@roi/domain';
import { Fragment, useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { useTemplates } from './assessments.queries';
import { KIND_LABELS } from './template-form';
import { TemplateEditor } from './TemplateEditor';
import { type Template, useTemplateActions } from './templates.queries';
import { useOrganisation } from '../../session/organisation';
import { usePageTitle } from '../../ui/page-title';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The questionnaires assessments are built from: the built-in ones, shared by every organisation,
 * and the organisation's own, copied from any template or written from scratch.
 */
export function TemplatesPage() {
  usePageTitle('Assessment templates');
  const manage = useOrganisation()?.can('assessments.manage') ?? false;
  const templates = useTemplates();
  const [editing, setEditing] = useState<{ template: Template | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (editing) {
    return (
      <Stack maw={900}>
        <Title order={2}>Assessment templates</Title>
        <TemplateEditor
          key={editing.template?.id ?? 'new'}

          template={editing.template}
          onCancel={() => setEditing(null)}
          onSaved={(template, previous) => {
            setSaved(
              previous
                ? `Saved “${template.name}” as version ${template.version}; assessments already running keep version ${template.version - 1}.`
                : `Created “${template.name}”, version ${template.version}: it is offered when you start an assessment.`,
            );
            setEditing(null);
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack maw={1000}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Assessment templates</Title>
          <Text c="dimmed" size="sm">
            The questionnaires assessments are built from. Copy a built-in template to adapt it;
            each edit is saved as a new version, and running assessments keep theirs.
          </Text>
        </div>
        {manage && (
          <Button
            onClick={() => {
              setSaved(null);
              setEditing({ template: null });
            }}
          >
            New template
          </Button>
        )}
      </Group>
      {saved && (
        <Alert color="green" role="status" withCloseButton onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      {templates.isPending ? (
        <Skeleton height={200} />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <EmptyState title="No template yet">
          Templates appear here once the built-in ones are installed or your team writes one.
        </EmptyState>
      ) : (
        <TemplatesTable
          templates={templates.data}
          manage={manage}
          onEdit={(template) => {
            setSaved(null);
            setEditing({ template });
          }}
        />
      )}
    </Stack>
  );
}

function TemplatesTable(props: {
  templates: Template[];
  manage: boolean;
  onEdit: (template: Template) => void;
}) {
  const { copy } = useTemplateActions();
  const [shown, setShown] = useState<string | null>(null);
  const names = new Map(props.templates.map((template) => [template.id, template.name]));
  const copyOf = async (template: Template) => {
    try {
      const copied = await copy.mutateAsync({ templateId: template.id });
      notifications.show({
        color: 'green',
        message: `Copied as “${copied.name}”: adapt it here, or keep it as it is.`,
      });
      props.onEdit(copied);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Not copied',
        message: error instanceof Error ? error.message : 'Try again.',
      });
    }
  };
  // Built-in templates first, then the organisation's own, each by name.
  const ordered = [...props.templates].sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name),
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label="Templates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Template</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Questions</Table.Th>
            <Table.Th>In use</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((template) => (
            <Fragment key={template.id}>
              <Table.Tr>
                <Table.Td maw={420}>
                  <Group gap="xs">
                    <Text fw={600}>{template.name}</Text>
                    <Badge size="sm" variant="light" color={template.builtIn ? 'indigo' : 'teal'}>
                      {template.builtIn ? 'built-in' : 'own'}
                    </Badge>
                  </Group>
                  {template.description && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {template.description}
                    </Text>
                  )}
                  {template.basedOnTemplateId && (
                    <Text size="xs" c="dimmed">
                      Copied from {names.get(template.basedOnTemplateId) ?? 'another template'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{template.version}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-expanded={shown === template.id}
                    onClick={() => setShown(shown === template.id ? null : template.id)}
                  >
                    {plural(template.questions.length, 'question', 'questions')}
                    <VisuallyHidden> of {template.name}</VisuallyHidden>
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={template.assessments ? undefined : 'dimmed'}>
                    used by {plural(template.assessments, 'assessment', 'assessments')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {props.manage && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`Copy ${template.name}`}
                        loading={copy.isPending && copy.variables?.templateId === template.id}
                        onClick={() => void copyOf(template)}
                      >
                        Copy
                      </Button>
                      {!template.builtIn && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={`Edit ${template.name}`}
                          onClick={() => props.onEdit(template)}
                        >
                          Edit
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
              {shown === template.id && (
                <Table.Tr>
                  <Table.Td colSpan={5} bg="gray.0">
                    <List type="ordered" size="sm" spacing={4}>
                      {[...template.questions]
                        .sort((a, b) => a.position - b.position)
                        .map((question) => (
                          <List.Item key={question.id}>
                            {question.prompt}{' '}
                            <Text span size="xs" c="dimmed">
                              ({question.dimension} · {KIND_LABELS[question.kind as QuestionKind]}
                              {question.unit ? `, ${question.unit}` : ''}
                              {question.evidenceRequired ? ' · evidence required' : ''})
                            </Text>
                          </List.Item>
                        ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
