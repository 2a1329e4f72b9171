import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/client';
import { useNewerVersion } from './live-events';

/** The record the API holds now, when it refused a change based on an older version (409). */
export function staleCurrent<Record>(error: unknown): Record | null {
  if (!(error instanceof ApiProblem) || error.status !== 409) return null;
  const current = error.problem['current'];
  return current && typeof current === 'object' ? (current as Record) : null;
}

interface Versioned {
  id: string;
  version: number;
}

type Values = object;

interface EditableForm<V extends Values> {
  getValues(): V;
  setValues(values: V): void;
  resetDirty(values?: V): void;
  isDirty(): boolean;
}

export interface FieldSpec<V extends Values> {
  key: keyof V & string;
  label: string;
  /** How the value reads to a person (a member's name rather than their id). */
  format?: (value: unknown) => string;
}

const sameValue = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * An edit that never silently overwrites someone else's: it remembers the version it started
 * from, sends it with the change, hears (through the live events) when a newer version is saved
 * meanwhile, and on a refusal (409) offers the other person's record beside the user's unsaved
 * values: take theirs, or re-apply only the fields this user changed on top of theirs.
 */
export function useVersionedEdit<R extends Versioned, V extends Values>(options: {
  /** The table the live events name (outcomes, objectives, kpis, initiatives, milestones). */
  entity: string;
  /** The record being edited, or null while creating one (nothing to conflict with yet). */
  record: R | null;
  /** The record as the live query has it now: an untouched form simply follows it. */
  latest?: R;
  toValues: (record: R) => V;
  fetchLatest: () => Promise<R>;
  form: EditableForm<NoInfer<V>>;
}) {
  const { toValues, form } = options;
  const [original, setOriginal] = useState<R | null>(options.record);
  const [conflict, setConflict] = useState<R | null>(null);
  const [reapplied, setReapplied] = useState(false);
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [followed, setFollowed] = useState(false);
  const newer = useNewerVersion(options.entity, original?.id, original?.version ?? 0);

  // Nothing typed yet means nothing to lose: the form takes the newer version as it arrives.
  const { latest } = options;
  useEffect(() => {
    if (!latest || !original || latest.id !== original.id) return;
    if (latest.version <= original.version || form.isDirty()) return;
    const values = toValues(latest);
    form.setValues(values);
    form.resetDirty(values);
    // The form's values live outside React state here (Mantine's form): this effect brings them,
    // and the version they are based on, in line with the record that just arrived, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOriginal(latest);
    setFollowed(true);
  }, [latest, original, form, toValues]);

  const mine = form.getValues();
  const startedFrom = original ? toValues(original) : mine;
  const theirs = conflict && toValues(conflict);
  return {
    /** The version to send with the change. */
    version: original?.version ?? 0,
    newer,
    conflict,
    reapplied,
    followed,
    reviewError,
    mine,
    startedFrom,
    theirs,
    /** True when the error was a conflict, now shown to the user. */
    catchConflict(error: unknown): boolean {
      const current = staleCurrent<R>(error);
      if (!current) return false;
      setConflict(current);
      return true;
    },
    /** Fetches what the other person saved, to compare before saving. */
    async review() {
      setReviewError(null);
      try {
        setConflict(await options.fetchLatest());
      } catch (error) {
        setReviewError(error instanceof Error ? error.message : 'Could not load it; try again.');
      }
    },
    takeTheirs() {
      if (!conflict) return;
      const values = toValues(conflict);
      form.setValues(values);
      form.resetDirty(values);
      setOriginal(conflict);
      setConflict(null);
      setReapplied(false);
    },
    reapplyMine() {
      if (!conflict) return;
      const merged = { ...toValues(conflict) } as Record<string, unknown>;
      const current = form.getValues() as Record<string, unknown>;
      const started = startedFrom as Record<string, unknown>;
      for (const key of Object.keys(current)) {
        if (!sameValue(current[key], started[key])) merged[key] = current[key];
      }
      form.setValues(merged as V);
      setOriginal(conflict);
      setConflict(null);
      setReapplied(true);
    },
    /** After a successful save, later saves are based on what was saved. */
    saved(record: R) {
      setOriginal(record);
      setReapplied(false);
      form.resetDirty(toValues(record));
    },
    keepEditing() {
      setConflict(null);
    },
  };
}

export type VersionedEdit<V extends Values> = ReturnType<typeof useVersionedEdit<Versioned, V>>;

const display = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(display).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
};

/**
 * The notices an edit form shows above its fields: a newer version saved elsewhere, or the user's
 * changes re-applied on top of someone else's.
 */
export function VersionNotices<V extends Values>(props: {
  edit: VersionedEdit<V>;
  what: string;
  /** Reads the user id of who saved as a name: the feature hands in its members. */
  nameOf: (userId: string) => string;
}) {
  const { edit } = props;
  // The live event names who saved; without it (an API key, a script) "someone else" it is.
  const who = edit.newer?.actorUserId ? props.nameOf(edit.newer.actorUserId) : 'Someone else';
  return (
    <>
      {edit.newer?.deleted && (
        <Alert color="red" title={`This ${props.what} was deleted`} role="status">
          {who} deleted it while you were editing; saving will not bring it back.
        </Alert>
      )}
      {edit.newer && !edit.newer.deleted && !edit.conflict && (
        <Alert color="yellow" title="Changed while you were editing" role="status">
          <Stack gap="xs">
            <Text size="sm">
              {who} just saved a newer version of this {props.what}
              {edit.newer.version ? ` (version ${edit.newer.version})` : ''}. Your unsaved changes
              are kept; compare before you save.
            </Text>
            <Group>
              <Button size="xs" variant="light" color="yellow" onClick={() => void edit.review()}>
                Compare with theirs
              </Button>
            </Group>
            {edit.reviewError && (
              <Text size="xs" c="red">
                {edit.reviewError}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {edit.followed && !edit.newer && (
        <Text size="xs" c="dimmed" role="status">
          Updated with a change someone else saved while this was open.
        </Text>
      )}
      {edit.reapplied && (
        <Alert color="blue" role="status">
          Your changes now sit on top of the other person&apos;s version. Check them and save.
        </Alert>
      )}
    </>
  );
}

/**
 * Their saved record beside the user's unsaved values, field by field, marking who changed what
 * since the user opened the form.
 */
export function ConflictDialog<V extends Values>(props: {
  edit: VersionedEdit<V>;
  what: string;
  fields: FieldSpec<V>[];
}) {
  const { edit } = props;
  const theirs = edit.theirs as Record<string, unknown> | null;
  const mine = edit.mine as Record<string, unknown>;
  const started = edit.startedFrom as Record<string, unknown>;
  return (
    <Modal
      opened={Boolean(edit.conflict)}
      onClose={edit.keepEditing}
      title={`This ${props.what} changed while you were editing`}
      size="xl"
      zIndex={400}
    >
      {theirs && (
        <Stack>
          <Text size="sm">
            Someone else saved version {edit.conflict?.version} after you opened it. Nothing has
            been overwritten: compare their version with your unsaved values, then choose.
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Their version and yours" verticalSpacing="xs" withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">Field</Table.Th>
                  <Table.Th>Their saved version</Table.Th>
                  <Table.Th>Your unsaved values</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.fields.map((field) => {
                  const format = field.format ?? display;
                  const theyChanged = !sameValue(theirs[field.key], started[field.key]);
                  const youChanged = !sameValue(mine[field.key], started[field.key]);
                  const differ = !sameValue(theirs[field.key], mine[field.key]);
                  return (
                    <Table.Tr
                      key={field.key}
                      bg={differ ? 'var(--mantine-color-yellow-light)' : undefined}
                    >
                      <Table.Td fw={600}>{field.label}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {format(theirs[field.key])}
                        </Text>
                        {theyChanged && (
                          <Badge size="xs" color="orange" variant="light" mt={4}>
                            changed by them
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {format(mine[field.key])}
                        </Text>
                        {youChanged && (
                          <Badge size="xs" color="indigo" variant="light" mt={4}>
                            changed by you
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end">
            <Button variant="default" onClick={edit.takeTheirs}>
              Discard mine, use theirs
            </Button>
            <Button onClick={edit.reapplyMine}>Re-apply my changes on theirs</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
