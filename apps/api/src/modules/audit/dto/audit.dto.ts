import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/cursor';
import { IsIsoDateTime } from '../../../common/validation/query-values';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes made by this person.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes made with this API key.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorApiKeyId?: string;

  @ApiPropertyOptional({ example: 'membership' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  entityId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this moment (inclusive).' })
  @IsOptional()
  @IsIsoDateTime()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this moment (exclusive).' })
  @IsOptional()
  @IsIsoDateTime()
  to?: Date;
}

export interface AuditChangeDto {
  before: unknown;
  after: unknown;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorApiKeyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty() entityType!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ enum: ['create', 'update', 'delete'] }) action!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { before: {}, after: {} },
    },
    description: 'Each changed field with its value before and after.',
  })
  changes!: Record<string, AuditChangeDto>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
