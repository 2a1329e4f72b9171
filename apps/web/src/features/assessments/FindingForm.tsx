import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showProblemInForm } from '../../ui/form-errors';
import {
  type Assessment,
  type Finding,
  type SubmittedAnswer,
  useRecordFinding,
} from './assessments.queries';
import { formatAnswerValue, formatEvidence } from './CitedAnswer';

interface Values {
  title: string;
  severity: Finding['severity'];
  dimension: string | null;
  text: string;
  answerIds: string[];
}
const FIELDS: (keyof Values)[] = ['title', 'severity', 'dimension', 'text', 'answerIds'];

/** Records a finding against the assessment, citing the submitted answers it rests on. */
export function FindingForm(props: {
  assessment: Assessment;
  answers: SubmittedAnswer[];
  answersLoading: boolean;
  onDone: () => void;
}) {
  const { assessment } = props;
  const record = useRecordFinding(assessment.id);
  const form = useForm<Values>({
    initialValues: { title: '', severity: 'medium', dimension: null, text: '', answerIds: [] },
    validate: {
      title: (value) =>
        !value.trim() ? 'Give it a title' : value.length > 200 ? 'At most 200 characters' : null,
      text: (value) => (value.length > 5000 ? 'At most 5000 characters' : null),
    },
  });
  const questions = new Map(assessment.questions.map((question) => [question.id, question]));
  const dimensions = [...new Set(assessment.questions.map((question) => question.dimension))];
  // With a dimension chosen, offer its answers (and keep any already ticked) so long
  // questionnaires stay browsable.
  const { dimension, answerIds } = form.getValues();
  const offered = props.answers.filter(
    (answer) =>
      !dimension ||
      questions.get(answer.questionId)?.dimension === dimension ||
      answerIds.includes(answer.id),
  );

  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        title: values.title.trim(),
        severity: values.severity,
        ...(values.dimension ? { dimension: values.dimension } : {}),
        ...(values.text.trim() ? { text: values.text.trim() } : {}),
        answerIds: values.answerIds,
      });
      notifications.show({ color: 'green', message: 'Finding recorded' });
      form.reset();
      props.onDone();
    } catch (error) {
      // The API names array items by their path (answerIds.0): put those beside the list.
      showProblemInForm(
        {
          setErrors: (errors) =>
            form.setErrors(
              Object.fromEntries(
                Object.entries(errors).map(([field, reason]) => {
                  const root = field.split('.')[0] as keyof Values;
                  return FIELDS.includes(root) ? [root, reason] : ['title', `${field}: ${reason}`];
                }),
              ),
            ),
        },
        error,
        'title',
      );
    }
  });

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate aria-label="Record a finding">
        <Stack>
          <Title order={4} size="h5">
            Record a finding
          </Title>
          <TextInput
            label="Title"
            placeholder="Leaders rate social higher than the evidence supports"
            required
            {...form.getInputProps('title')}
          />
          <Group align="flex-start" grow>
            <Radio.Group label="Severity" required {...form.getInputProps('severity')}>
              <Group mt={8}>
                <Radio value="low" label="Low" />
                <Radio value="medium" label="Medium" />
                <Radio value="high" label="High" />
              </Group>
            </Radio.Group>
            <Select
              label="Dimension"
              placeholder="Across dimensions"
              data={dimensions}
              clearable
              {...form.getInputProps('dimension')}
            />
          </Group>
          <Textarea
            label="What the answers show"
            autosize
            minRows={3}
            {...form.getInputProps('text')}
          />
          <Checkbox.Group
            label="Answers it rests on"
            description={
              props.answersLoading
                ? 'Loading the submitted answers…'
                : props.answers.length === 0
                  ? 'No submitted answer to cite yet.'
                  : 'Tick the submitted answers this finding is drawn from.'
            }
            {...form.getInputProps('answerIds')}
          >
            <ScrollArea.Autosize mah={320} mt="xs" type="auto">
              <Stack gap="sm">
                {offered.map((answer) => {
                  const question = questions.get(answer.questionId);
                  const evidence = formatEvidence(answer) ?? answer.evidence?.url;
                  return (
                    <Checkbox
                      key={answer.id}
                      value={answer.id}
                      label={`${answer.respondentName}: ${formatAnswerValue(answer, question)}`}
                      description={
                        <>
                          {question?.prompt}
                          <Text span size="xs" c={evidence ? undefined : 'orange'} display="block">
                            {evidence ? `Evidence: ${evidence}` : 'No evidence given'}
                          </Text>
                        </>
                      }
                    />
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={record.isPending}>
              Record finding
            </Button>
            <Button
              variant="default"
              onClick={() => {
                form.reset();
                props.onDone();
              }}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
