import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';
import {
  COMMENT_KINDS,
  COMMENT_SUBJECTS,
  type CommentKind,
  type CommentSubject,
} from '../plan.entity';

export class CreateCommentDto {
  @ApiProperty({ enum: COMMENT_SUBJECTS })
  @IsIn(COMMENT_SUBJECTS, { message: 'must be outcome, objective or kpi' })
  subjectType!: CommentSubject;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  subjectId!: string;

  @ApiProperty({
    enum: COMMENT_KINDS,
    description: 'Questions and challenges stay open until resolved.',
  })
  @IsIn(COMMENT_KINDS, { message: 'must be question, challenge or comment' })
  kind!: CommentKind;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trimString)
  @MaxLength(5000)
  @IsNotEmpty()
  @IsString()
  body!: string;
}

export class CommentsQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_SUBJECTS })
  @IsOptional()
  @IsIn(COMMENT_SUBJECTS, { message: 'must be outcome, objective or kpi' })
  subjectType?: CommentSubject;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Only open questions and challenges.' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  open?: boolean;
}

export class ResolveCommentDto {
  @ApiProperty() @Min(1) @IsInt() version!: number;

  @ApiProperty({ description: 'true to resolve, false to reopen.' })
  @IsBoolean()
  resolved!: boolean;

  @ApiPropertyOptional({ maxLength: 2000, description: 'How it was answered.' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  resolution?: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: COMMENT_SUBJECTS }) subjectType!: CommentSubject;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ enum: COMMENT_KINDS }) kind!: CommentKind;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) authorUserId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty() resolved!: boolean;
  @ApiProperty({ type: String, nullable: true }) resolution!: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

export class SubmitPlanDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'What changed, for the approvers.' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  note?: string;
}

export class DecidePlanDto {
  @ApiProperty() @Min(1) @IsInt() version!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  note?: string;
}

export class PlanVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['submitted', 'approved', 'rejected'] }) status!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, nullable: true }) submittedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Entities in the snapshot, by type.',
  })
  counts!: Record<string, number>;
  @ApiProperty() version!: number;
}

export class PlanVersionDetailDto extends PlanVersionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The plan as submitted: entity type → [{id, label, fields}].',
  })
  snapshot!: object;
}

export class CompareQueryDto {
  @ApiProperty({ description: 'A version number, or "draft" for the plan as it is now.' })
  @IsString()
  from!: string;

  @ApiProperty({ description: 'A version number, or "draft" for the plan as it is now.' })
  @IsString()
  to!: string;
}

export class FieldChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty({ nullable: true, description: 'Any JSON value.' }) before!: unknown;
  @ApiProperty({ nullable: true, description: 'Any JSON value.' }) after!: unknown;
}

export class PlanEntityRefDto {
  @ApiProperty() type!: string;
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

export class ChangedPlanEntityDto extends PlanEntityRefDto {
  @ApiProperty({ type: [FieldChangeDto] }) fields!: FieldChangeDto[];
}

export class PlanDiffDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [PlanEntityRefDto] }) added!: PlanEntityRefDto[];
  @ApiProperty({ type: [PlanEntityRefDto] }) removed!: PlanEntityRefDto[];
  @ApiProperty({ type: [ChangedPlanEntityDto] }) changed!: ChangedPlanEntityDto[];
}
