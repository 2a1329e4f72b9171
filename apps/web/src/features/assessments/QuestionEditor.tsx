import {
  ActionIcon,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Input,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type QuestionKind, QUESTION_KINDS } from '@roi/domain';
import { isChoice, KIND_LABELS, type QuestionValues, type TemplateValues } from './template-form';

const KIND_OPTIONS = QUESTION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/** One question of a template being written: what it asks, how it is answered, in which dimension. */
export function QuestionEditor(props: {
  form: UseFormReturnType<TemplateValues>;
  question: QuestionValues;
  index: number;
  count: number;
  dimensions: string[];
}) {
  const { form, index, question } = props;
  const at = `questions.${index}`;
  const number = index + 1;
  const move = (to: number) => form.reorderListItem('questions', { from: index, to });
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={`Question ${number}`} m={0}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="sm">
            Question {number}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move question ${number} up`}
              disabled={index === 0}
              onClick={() => move(index - 1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move question ${number} down`}
              disabled={index === props.count - 1}
              onClick={() => move(index + 1)}
            >
              ↓
            </ActionIcon>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`Remove question ${number}`}
              disabled={props.count === 1}
              onClick={() => form.removeListItem('questions', index)}
            >
              Remove
            </Button>
          </Group>
        </Group>
        <Textarea
          label="Question text"
          autosize
          minRows={1}
          {...form.getInputProps(`${at}.prompt`)}
        />
        <Group grow align="flex-start">
          <Autocomplete
            label="Dimension"
            placeholder="leadership commitment"
            data={props.dimensions}
            {...form.getInputProps(`${at}.dimension`)}
          />
          <Select
            label="Answered as"
            data={KIND_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps(`${at}.kind`)}
            onChange={(kind) => {
              if (!kind) return;
              form.setFieldValue(`${at}.kind`, kind as QuestionKind);
              // A refusal about the old kind's fields no longer applies.
              form.clearFieldError(`${at}.anchors`);
              form.clearFieldError(`${at}.options`);
              form.clearFieldError(`${at}.unit`);
            }}
          />
        </Group>
        {question.kind === 'scale' && (
          <Input.Wrapper
            label="Labels of the ratings 1 to 5"
            description="What each rating means, from lowest to highest"
            error={form.errors[`${at}.anchors`]}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} mt={4}>
              {question.anchors.map((_, position) => (
                <TextInput
                  key={position}
                  size="xs"
                  aria-label={`Label of rating ${position + 1}`}
                  leftSection={<Text size="xs">{position + 1}</Text>}
                  {...form.getInputProps(`${at}.anchors.${position}`)}
                />
              ))}
            </SimpleGrid>
          </Input.Wrapper>
        )}
        {isChoice(question.kind) && (
          <Input.Wrapper
            label="Options"
            description="At least two, each different"
            error={form.errors[`${at}.options`]}
          >
            <Stack gap={6} mt={4}>
              {question.options.map((_, position) => (
                <Group key={position} gap="xs" wrap="nowrap">
                  <TextInput
                    size="xs"
                    style={{ flex: 1 }}
                    aria-label={`Option ${position + 1}`}
                    {...form.getInputProps(`${at}.options.${position}`)}
                  />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove option ${position + 1}`}
                    disabled={question.options.length <= 2}
                    onClick={() => form.removeListItem(`${at}.options`, position)}
                  >
                    Remove
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  size="compact-xs"
                  variant="light"
                  disabled={question.options.length >= 30}
                  onClick={() => form.insertListItem(`${at}.options`, '')}
                >
                  Add option
                </Button>
              </Group>
            </Stack>
          </Input.Wrapper>
        )}
        {question.kind === 'number' && (
          <TextInput
            label="Unit"
            description="What the number counts: followers, posts a month, euro…"
            maw={440}
            {...form.getInputProps(`${at}.unit`)}
          />
        )}
        <Checkbox
          label="Evidence required: the respondent must say on what evidence they answered"
          {...form.getInputProps(`${at}.evidenceRequired`, { type: 'checkbox' })}
        />
      </Stack>
    </Paper>
  );
}
