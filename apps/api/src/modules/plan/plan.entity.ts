import type { ExperimentOutcome, KpiDirection } from '@roi/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';

export const OUTCOME_KINDS = [
  'revenue',
  'cost_saving',
  'retention',
  'talent',
  'reputation',
  'other',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

@Audited({ type: 'outcome' })
@Entity({ name: 'outcomes' })
export class OutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OutcomeKind;
  @Column({ type: 'varchar', length: 5000, default: '' }) description!: string;
  @Column({ name: 'owner_user_id', type: 'uuid' }) ownerUserId!: string;
  @Column({ type: 'integer', default: 0 }) position!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'objective' })
@Entity({ name: 'objectives' })
export class ObjectiveEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'outcome_id', type: 'uuid' }) outcomeId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 5000, default: '' }) description!: string;
  @Column({ name: 'finding_ids', type: 'uuid', array: true, default: () => "'{}'" })
  findingIds!: string[];
  @Column({ type: 'integer', default: 0 }) position!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'kpi' })
@Entity({ name: 'kpis' })
export class KpiEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'objective_id', type: 'uuid' }) objectiveId!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 64, default: '' }) unit!: string;
  @Column({ type: 'varchar', length: 8 }) direction!: KpiDirection;
  // numeric columns are read back as exact decimal text.
  @Column({ name: 'baseline_value', type: 'numeric' }) baselineValue!: string;
  @Column({ name: 'baseline_date', type: 'date' }) baselineDate!: string;
  @Column({ name: 'target_value', type: 'numeric' }) targetValue!: string;
  @Column({ name: 'target_date', type: 'date' }) targetDate!: string;
  @Column({ type: 'varchar', length: 500, default: '' }) source!: string;
  @Column({ name: 'baseline_figure_id', type: 'uuid', nullable: true }) baselineFigureId!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'kpi_measurement' })
@Entity({ name: 'kpi_measurements' })
export class KpiMeasurementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'kpi_id', type: 'uuid' }) kpiId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'numeric' }) value!: string;
  @Column({ type: 'varchar', length: 1000, default: '' }) note!: string;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'initiative' })
@Entity({ name: 'initiatives' })
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 5000, default: '' }) description!: string;
  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" }) channels!: string[];
  // Exact, in the organisation's currency; read back as decimal text.
  @Column({ type: 'numeric', precision: 20, scale: 4, default: 0 }) budget!: string;
  @Column({ name: 'accountable_user_id', type: 'uuid' }) accountableUserId!: string;
  @Column({ name: 'responsible_user_id', type: 'uuid' }) responsibleUserId!: string;
  @Column({ name: 'starts_on', type: 'date', nullable: true }) startsOn!: string | null;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn!: string | null;
  @Column({ name: 'is_experiment', type: 'boolean', default: false }) isExperiment!: boolean;
  @Column({ type: 'varchar', length: 2000, nullable: true }) hypothesis!: string | null;
  @Column({ name: 'success_criteria', type: 'varchar', length: 2000, nullable: true })
  successCriteria!: string | null;
  @Column({ name: 'kill_criteria', type: 'varchar', length: 2000, nullable: true })
  killCriteria!: string | null;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate!: string | null;
  @Column({ name: 'experiment_outcome', type: 'varchar', length: 16, nullable: true })
  experimentOutcome!: ExperimentOutcome | null;
  @Column({ type: 'varchar', length: 5000, nullable: true }) lessons!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'initiative_objectives' })
export class InitiativeObjectiveEntity {
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' }) initiativeId!: string;
  @PrimaryColumn({ name: 'objective_id', type: 'uuid' }) objectiveId!: string;
}

export const COMMENT_SUBJECTS = ['outcome', 'objective', 'kpi'] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];
export const COMMENT_KINDS = ['question', 'challenge', 'comment'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

@Audited({ type: 'plan_comment' })
@Entity({ name: 'plan_comments' })
export class PlanCommentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'subject_type', type: 'varchar', length: 16 }) subjectType!: CommentSubject;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: CommentKind;
  @Column({ type: 'varchar', length: 5000 }) body!: string;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true }) resolvedByUserId!:
    string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) resolution!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'plan_version', redact: ['snapshot'] })
@Entity({ name: 'plan_versions' })
export class PlanVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'varchar', length: 16 }) status!: 'submitted' | 'approved' | 'rejected';
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ type: 'varchar', length: 2000, default: '' }) note!: string;
  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true }) submittedByUserId!:
    string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId!:
    string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 2000, nullable: true }) decisionNote!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
