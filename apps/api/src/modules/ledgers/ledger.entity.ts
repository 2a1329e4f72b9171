import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';

export const COST_CATEGORIES = ['labour', 'media', 'tools', 'agency', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const VALUE_TYPES = ['revenue', 'cost_saving', 'retention', 'pipeline', 'other'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** A label of one of the organisation's vocabularies: channels or activities. */
abstract class VocabularyLabel {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 64 }) label!: string;
  @Column({ name: 'match_key', type: 'varchar', length: 64, insert: false, update: false })
  matchKey!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'channel' })
@Entity({ name: 'channels' })
export class ChannelEntity extends VocabularyLabel {}

@Audited({ type: 'activity' })
@Entity({ name: 'activities' })
export class ActivityEntity extends VocabularyLabel {}

/** What cost and value entries have in common (BRIEF, "Money and ROI"). */
abstract class LedgerEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ name: 'initiative_id', type: 'uuid' }) initiativeId!: string;
  @Column({ name: 'channel_id', type: 'uuid' }) channelId!: string;
  @Column({ name: 'activity_id', type: 'uuid' }) activityId!: string;
  /** Exact, in the organisation's currency: numeric comes back from pg as a string. */
  @Column({ type: 'numeric', precision: 20, scale: 4 }) amount!: string;
  @Column({ type: 'varchar', length: 2000, default: '' }) note!: string;
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId!: string | null;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'cost_entry' })
@Entity({ name: 'cost_entries' })
export class CostEntryEntity extends LedgerEntry {
  @Column({ type: 'varchar', length: 16 }) category!: CostCategory;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true }) hours!: string | null;
}

@Audited({ type: 'value_entry' })
@Entity({ name: 'value_entries' })
export class ValueEntryEntity extends LedgerEntry {
  @Column({ name: 'value_type', type: 'varchar', length: 16 }) valueType!: ValueType;
  @Column({ type: 'numeric', precision: 5, scale: 4, default: 1 }) confidence!: string;
}
