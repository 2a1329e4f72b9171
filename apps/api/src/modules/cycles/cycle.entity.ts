import type { StepStatus, StrategyStepKey } from '@roi/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';

@Audited({ type: 'cycle' })
@Entity({ name: 'cycles' })
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Column({ name: 'previous_cycle_id', type: 'uuid', nullable: true }) previousCycleId!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'cycle_step' })
@Entity({ name: 'cycle_steps' })
export class CycleStepEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ name: 'step_key', type: 'varchar', length: 16 }) stepKey!: StrategyStepKey;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'varchar', length: 16, default: 'not_started' }) status!: StepStatus;
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId!: string | null;
  @Column({ name: 'planned_start', type: 'date', nullable: true }) plannedStart!: string | null;
  @Column({ name: 'planned_end', type: 'date', nullable: true }) plannedEnd!: string | null;
  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true }) signedOffAt!: Date | null;
  @Column({ name: 'signed_off_by_user_id', type: 'uuid', nullable: true })
  signedOffByUserId!: string | null;
  @Column({ name: 'reopen_reason', type: 'varchar', length: 1000, nullable: true })
  reopenReason!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'step_criterion' })
@Entity({ name: 'step_criteria' })
export class StepCriterionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'step_id', type: 'uuid' }) stepId!: string;
  @Column({ type: 'varchar', length: 500 }) text!: string;
  @Column({ type: 'boolean', default: false }) done!: boolean;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
