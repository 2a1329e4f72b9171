import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ImportKind, RowError } from './csv-formats';

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * A CSV import and its job's state. Written with SQL by the upload and the job (their writes
 * are set-based); the audit log gets one row when an import succeeds.
 */
@Entity({ name: 'imports' })
export class ImportEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 24 }) kind!: ImportKind;
  @Column({ type: 'varchar', length: 16 }) status!: ImportStatus;
  @Column({ type: 'smallint' }) progress!: number;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName!: string;
  @Column({ name: 'file_size', type: 'bigint' }) fileSize!: string;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash!: string;
  @Column({ name: 'confirmed_duplicate', type: 'boolean' }) confirmedDuplicate!: boolean;
  @Column({ name: 'rows_total', type: 'integer' }) rowsTotal!: number;
  @Column({ name: 'rows_imported', type: 'integer' }) rowsImported!: number;
  @Column({ name: 'error_count', type: 'integer' }) errorCount!: number;
  @Column({ type: 'jsonb' }) errors!: RowError[];
  @Column({ type: 'varchar', length: 2000, nullable: true }) failure!: string | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
