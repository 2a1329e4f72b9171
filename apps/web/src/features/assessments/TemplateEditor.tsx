import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { MATURITY_DIMENSIONS } from '@roi/domain';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { showProblemInForm } from '../../ui/form-errors';
import { QuestionEditor } from './QuestionEditor';
import {
  newQuestion,
  templateInput,
  templateProblems,
  templateValues,
  type TemplateValues,
} from './template-form';
import { type Template, useTemplateActions } from './templates.queries';

/**
 * Writes a new template, or edits one of the organisation's own. An edit is saved as the
 * template's next version: assessments already running keep the version they started on.
 */
export function TemplateEditor(props: {
  template: Template | null;
  onSaved: (saved: Template, previous: Template | null) => void;
  onCancel: () => void;
}) {
  const actions = useTemplateActions();
  // The version this edit is based on: replaced when the user loads a newer one after a conflict.
  const [base, setBase] = useState(props.template);
  const [newer, setNewer] = useState<Template | null>(null);
  const form = useForm<TemplateValues>({
    initialValues: templateValues(props.template),
    validate: templateProblems,
  });
  const { questions } = form.getValues();
  const dimensions = [
    ...new Set([
      ...questions.map((question) => question.dimension.trim()).filter(Boolean),
      ...MATURITY_DIMENSIONS,
    ]),
  ];

  const submit = form.onSubmit(async (values) => {
    setNewer(null);
    try {
      const saved = base
        ? await actions.update.mutateAsync({
            templateId: base.id,
            body: { ...templateInput(values), version: base.version },
          })
        : await actions.create.mutateAsync(templateInput(values));
      props.onSaved(saved, base);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409 && error.problem.current) {
        setNewer(error.problem.current as Template);
        return;
      }
      showProblemInForm(form, error, 'name');
    }
  });

  const loadNewer = () => {
    if (!newer) return;
    setBase(newer);
    form.setValues(templateValues(newer));
    form.resetDirty(templateValues(newer));
    form.clearErrors();
    setNewer(null);
  };

  const saving = actions.update.isPending || actions.create.isPending;
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate aria-label="Template editor">
        <Stack>
          <div>
            <Title order={3} size="h4">
              {base ? `Edit “${base.name}”` : 'New template'}
            </Title>
            <Text size="sm" c="dimmed">
              {base
                ? `Version ${base.version}. Saving makes version ${base.version + 1}; assessments already running keep version ${base.version}.`
                : 'Your organisation’s own questionnaire, for assessments to come.'}
            </Text>
          </div>
          {newer && (
            <Alert color="orange" title="Changed by someone else" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  “{newer.name}” is at version {newer.version} now, saved since you opened it. Load
                  version {newer.version} and apply your change again (your edits here are
                  discarded).
                </Text>
                <Group>
                  <Button size="xs" color="orange" onClick={loadNewer}>
                    Load version {newer.version}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <TextInput label="Name" maw={480} {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            description="What the template is for, and who should answer it"
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Stack gap="sm" role="list" aria-label="Questions">
            {questions.map((question, index) => (
              <div role="listitem" key={question.key}>
                <QuestionEditor
                  form={form}
                  question={question}
                  index={index}
                  count={questions.length}
                  dimensions={dimensions}
                />
              </div>
            ))}
          </Stack>
          {form.errors.questions && (
            <Text size="sm" c="red" role="alert">
              {form.errors.questions}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              disabled={questions.length >= 100}
              onClick={() =>
                form.insertListItem('questions', newQuestion(questions.at(-1)?.dimension ?? ''))
              }
            >
              Add question
            </Button>
          </Group>
          {Object.keys(form.errors).length > 0 && (
            <Alert color="red" role="alert">
              Some fields need attention: see the ones marked in red.
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {base ? `Save as version ${base.version + 1}` : 'Create template'}
            </Button>
            <Button variant="default" onClick={props.onCancel} disabled={saving}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
