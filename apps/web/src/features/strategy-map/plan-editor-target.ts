import type { DeleteTarget } from '../../ui/DeleteRecordDialog';
import type { PlanRecordType } from '../plan/plan.queries';

/** What the editor drawer is open on: a new record (under a parent) or an existing one. */
export type EditorTarget =
  | { kind: 'outcome'; id?: string }
  | { kind: 'objective'; id?: string; outcomeId?: string }
  | { kind: 'kpi'; id?: string; objectiveId?: string }
  | { kind: 'initiative'; id?: string; objectiveId?: string }
  | { kind: 'milestone'; id?: string; initiativeId: string };

/** A record the editor may delete: the plan's own, or a milestone. */
export type PlanDeleteTarget = DeleteTarget<PlanRecordType | 'milestones'>;
