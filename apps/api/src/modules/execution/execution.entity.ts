import type { ConfidenceLevel, MilestoneStatus, MissCategory, MissReason } from '@roi/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';

@Audited({ type: 'milestone' })
@Entity({ name: 'milestones' })
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'initiative_id', type: 'uuid' }) initiativeId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ name: 'owner_user_id', type: 'uuid' }) ownerUserId!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'varchar', length: 16, default: 'planned' }) status!: MilestoneStatus;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn!: string | null;
  @Column({ name: 'miss_reason', type: 'varchar', length: 16, nullable: true })
  missReason!: MissReason | null;
  @Column({ name: 'miss_category', type: 'varchar', length: 24, nullable: true })
  missCategory!: MissCategory | null;
  @Column({ name: 'miss_note', type: 'varchar', length: 2000, nullable: true }) missNote!:
    string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'milestone_dependencies' })
export class MilestoneDependencyEntity {
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @PrimaryColumn({ name: 'depends_on_id', type: 'uuid' }) dependsOnId!: string;
}

@Audited({ type: 'check_in' })
@Entity({ name: 'check_ins' })
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'smallint' }) progress!: number;
  @Column({ type: 'varchar', length: 8 }) confidence!: ConfidenceLevel;
  @Column({ type: 'varchar', length: 5000, default: '' }) note!: string;
  @Column({ type: 'varchar', length: 5000, default: '' }) blockers!: string;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
