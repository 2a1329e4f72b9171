import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Progress,
  Radio,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { CSV_COLUMNS } from '@roi/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useOrganisation } from '../../session/organisation';
import { ErrorState } from '../../ui/ErrorState';
import {
  type CsvPreview,
  IMPORT_KIND_LABEL,
  type ImportKind,
  previewCsv,
  readFileStart,
} from './csv-preview';
import { ImportErrorTable } from './ImportErrorTable';
import { useImportJob, useStartImport } from './imports.queries';

const KINDS: ImportKind[] = ['costs', 'values', 'kpi-measurements'];

/**
 * Choose the kind, pick a file and see its first rows as they will be read, import, and follow
 * the job until it has imported every row or refused the file with each bad row named.
 */
export function ImportWizard() {
  const current = useOrganisation();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('costs');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useImportJob(jobId);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setReadError(null);
    setDuplicate(null);
    setSubmitError(null);
    if (!chosen) return;
    try {
      const { text, complete } = await readFileStart(chosen);
      setPreview(previewCsv(text, kind, complete));
    } catch {
      setReadError('The file could not be read.');
    }
  };

  const submit = async (confirmDuplicate: boolean) => {
    if (!file) return;
    setSubmitError(null);
    try {
      const accepted = await start.mutateAsync({ kind, file, confirmDuplicate });
      setDuplicate(null);
      setJobId(accepted.id);
      setStep(2);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        setDuplicate(error.problem.detail ?? 'This file was imported before.');
      } else setSubmitError(error);
    }
  };

  const reset = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setJobId(null);
    setDuplicate(null);
    setSubmitError(null);
  };

  const data = job.data;
  return (
    <Stepper active={step} onStepClick={(next) => !jobId && next < step && setStep(next)} size="sm">
      <Stepper.Step label="Kind" description="What the file holds">
        <Stack mt="md">
          <Radio.Group
            label="The file holds"
            value={kind}
            onChange={(value) => {
              setKind(value as ImportKind);
              void choose(null);
            }}
          >
            <Group mt="xs">
              {KINDS.map((option) => (
                <Radio key={option} value={option} label={IMPORT_KIND_LABEL[option]} />
              ))}
            </Group>
          </Radio.Group>
          <Text size="sm">
            Its first row must be{' '}
            <Text span ff="monospace" size="sm">
              {CSV_COLUMNS[kind].join(',')}
            </Text>
            . UTF-8, comma-separated, &ldquo;.&rdquo; before decimals, dates as YYYY-MM-DD
            {kind === 'kpi-measurements' ? ', KPIs by code' : ', initiatives by code'}.
          </Text>
          <Group>
            <Button onClick={() => setStep(1)}>Next</Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label="File" description="Check the first rows">
        <Stack mt="md">
          <FileInput
            label={`${IMPORT_KIND_LABEL[kind]} CSV file`}
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={(chosen) => void choose(chosen)}
            clearable
            maw={480}
          />
          {readError && <Alert color="red">{readError}</Alert>}
          {preview && <PreviewTable preview={preview} />}
          {duplicate && (
            <Alert color="yellow" title="This file was imported before" role="alert">
              <Stack gap="xs">
                <Text size="sm">{duplicate}</Text>
                <Text size="sm">Importing it again adds every row a second time.</Text>
                <Group>
                  <Button
                    color="yellow"
                    size="xs"
                    onClick={() => void submit(true)}
                    loading={start.isPending}
                  >
                    Import it again
                  </Button>
                  <Button variant="default" size="xs" onClick={() => void choose(null)}>
                    Choose another file
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {submitError !== null && <SubmitProblem error={submitError} />}
          <Group>
            <Button variant="default" onClick={() => setStep(0)}>
              Back
            </Button>
            <Button
              onClick={() => void submit(false)}
              disabled={!file || !preview || Boolean(preview.headerProblem) || Boolean(duplicate)}
              loading={start.isPending}
            >
              Import
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label="Import" description="Every row or none">
        <Stack mt="md">
          {job.isError ? (
            <ErrorState error={job.error} onRetry={() => void job.refetch()} />
          ) : (
            <>
              <Group justify="space-between">
                <Text size="sm">
                  {file?.name}: {statusText(data?.status)}
                </Text>
                {data && (
                  <Text size="sm" c="dimmed">
                    {data.rowsImported.toLocaleString('en-GB')} of{' '}
                    {data.rowsTotal.toLocaleString('en-GB')} rows
                  </Text>
                )}
              </Group>
              <Progress
                value={data?.status === 'succeeded' ? 100 : (data?.progress ?? 0)}
                color={
                  data?.status === 'failed'
                    ? 'red'
                    : data?.status === 'succeeded'
                      ? 'green'
                      : 'indigo'
                }
                animated={!data || data.status === 'queued' || data.status === 'running'}
                size="lg"
                aria-label="Import progress"
              />
            </>
          )}
          {data?.status === 'succeeded' && (
            <Alert color="green" title="Imported" role="status">
              {data.rowsImported.toLocaleString('en-GB')} rows imported.{' '}
              <Anchor component={Link} to={`/organisations/${current.organisationId}/roi`}>
                See the ROI
              </Anchor>
            </Alert>
          )}
          {data?.status === 'failed' && (
            <Alert color="red" title="Nothing was imported" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  {data.failure ??
                    `${data.errorCount.toLocaleString('en-GB')} problems in the file; fix them and import it again.`}
                </Text>
                {data.errors.length > 0 && (
                  <ImportErrorTable errors={data.errors} errorCount={data.errorCount} />
                )}
              </Stack>
            </Alert>
          )}
          {(data?.status === 'succeeded' || data?.status === 'failed') && (
            <Group>
              <Button variant="default" onClick={reset}>
                Import another file
              </Button>
            </Group>
          )}
        </Stack>
      </Stepper.Step>
    </Stepper>
  );
}

export function statusText(status: string | undefined): string {
  switch (status) {
    case 'queued':
      return 'waiting to start';
    case 'running':
      return 'checking and importing';
    case 'succeeded':
      return 'imported';
    case 'failed':
      return 'refused';
    default:
      return 'sending';
  }
}

function PreviewTable(props: { preview: CsvPreview }) {
  const { preview } = props;
  return (
    <Stack gap="xs">
      {preview.headerProblem ? (
        <Alert color="red" title="The header does not match" role="alert">
          {preview.headerProblem}
        </Alert>
      ) : (
        <Group gap="xs">
          <Badge color="green" variant="light">
            Header matches
          </Badge>
          <Text size="sm" c="dimmed">
            The first {preview.rows.length} rows as they will be read
            {preview.truncated ? ' (the whole file is checked on import)' : ''}.
          </Text>
        </Group>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Preview of the file" verticalSpacing={4} withTableBorder fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              {preview.header.map((name, index) => (
                <Table.Th key={`${name}-${index}`}>{name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                <Table.Td c="dimmed">{rowIndex + 1}</Table.Td>
                {row.map((field, index) => (
                  <Table.Td key={index}>{field}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function SubmitProblem(props: { error: unknown }) {
  const problem = props.error instanceof ApiProblem ? props.error.problem : null;
  return (
    <Alert color="red" title={problem?.title ?? 'The file was not accepted'} role="alert">
      <Text size="sm">
        {problem?.detail ?? (props.error instanceof Error ? props.error.message : '')}
      </Text>
      {problem?.errors && problem.errors.length > 0 && (
        <List size="sm" mt="xs">
          {problem.errors.map((error) => (
            <List.Item key={`${error.field}-${error.reason}`}>
              {error.field}: {error.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
