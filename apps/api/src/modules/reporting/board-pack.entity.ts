import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';
import type { BoardPackContentDto, BoardPackStatus } from './dto/board-pack.dto';

// The frozen content is left out of the audit row: it is the pack itself, readable in full, and
// copying tens of kilobytes of figures into the log on every publish would tell no one more.
@Audited({ type: 'board_pack', redact: ['content'] })
@Entity({ name: 'board_packs' })
export class BoardPackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ name: 'as_of', type: 'date' }) asOf!: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: BoardPackStatus;
  @Column({ type: 'text', default: '' }) summary!: string;
  @Column({ type: 'text', default: '' }) decisions!: string;
  @Column({ type: 'jsonb', nullable: true }) content!: BoardPackContentDto | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'published_by_user_id', type: 'uuid', nullable: true })
  publishedByUserId!: string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'board_pack_share_link', redact: ['tokenHash'] })
@Entity({ name: 'board_pack_share_links' })
export class ShareLinkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'board_pack_id', type: 'uuid' }) boardPackId!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'last_opened_at', type: 'timestamptz', nullable: true })
  lastOpenedAt!: Date | null;
  @Column({ name: 'open_count', type: 'integer', default: 0 }) openCount!: number;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
