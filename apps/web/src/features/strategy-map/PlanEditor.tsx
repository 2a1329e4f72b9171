import { Drawer, Skeleton } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { DeleteRecordDialog } from '../../ui/DeleteRecordDialog';
import { type StrategyMap, useDeletePlanRecord } from '../plan/plan.queries';
import type { EditorTarget, PlanDeleteTarget } from './plan-editor-target';

// The forms (and their selects, date and number inputs) load when the drawer first opens: the
// map is read far more often than it is edited.
const EditorBody = lazy(async () => ({ default: (await import('./PlanEditorBody')).EditorBody }));

const NAMES: Record<EditorTarget['kind'], string> = {
  outcome: 'outcome',
  objective: 'objective',
  kpi: 'KPI',
  initiative: 'initiative',
  milestone: 'milestone',
};

/**
 * The drawer in which the strategy map is edited. An existing record is loaded fresh when the
 * drawer opens, so the form starts from (and sends) the version the API holds now.
 */
export function PlanEditor(props: {
  map: StrategyMap;
  target: EditorTarget | null;
  onClose: () => void;
}) {
  const { target } = props;
  const [deleting, setDeleting] = useState<PlanDeleteTarget | null>(null);
  const remove = useDeletePlanRecord();
  const title = target ? `${target.id ? 'Edit' : 'New'} ${NAMES[target.kind]}` : '';
  return (
    <>
      <Drawer
        opened={Boolean(target)}
        onClose={props.onClose}
        position="right"
        size="lg"
        title={title}
        closeOnClickOutside={false}
      >
        {target && (
          <Suspense fallback={<Skeleton height={420} />}>
            <EditorBody
              key={`${target.kind}-${target.id ?? 'new'}`}
              {...props}
              target={target}
              onDelete={setDeleting}
            />
          </Suspense>
        )}
      </Drawer>
      <DeleteRecordDialog
        target={deleting}
        remove={remove}
        onClose={() => setDeleting(null)}
        onDeleted={props.onClose}
      />
    </>
  );
}
