import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, trimString } from '../../../common/validation/domain-validators';
import { OUTCOME_KINDS, type OutcomeKind } from '../plan.entity';

const uuid = { message: 'must be a UUID' };

export class CreateOutcomeDto {
  @ApiProperty({ maxLength: 200, example: 'Grow membership renewals' })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS, { message: `must be one of ${OUTCOME_KINDS.join(', ')}` })
  kind!: OutcomeKind;

  @ApiProperty({ format: 'uuid', description: 'A member who owns the outcome.' })
  @IsUUID('all', uuid)
  ownerUserId!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class UpdateOutcomeDto {
  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ enum: OUTCOME_KINDS })
  @IsOmittable()
  @IsIn(OUTCOME_KINDS, { message: `must be one of ${OUTCOME_KINDS.join(', ')}` })
  kind?: OutcomeKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', uuid)
  ownerUserId?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOmittable()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind!: OutcomeKind;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) ownerUserId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ description: 'Questions and challenges not yet resolved.' })
  openChallenges!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateObjectiveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid)
  outcomeId!: string;

  @ApiProperty({ maxLength: 200, example: 'Answer every member question within a day' })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ApiProperty({
    type: [String],
    description: 'Findings of assessments this objective answers (traceability).',
  })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @ArrayMaxSize(50)
  @IsArray()
  findingIds!: string[];

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class UpdateObjectiveDto {
  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', uuid)
  outcomeId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @ArrayMaxSize(50)
  @IsArray()
  findingIds?: string[];

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOmittable()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class CitedFindingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) severity!: string;
}

export class ObjectiveDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) outcomeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) findingIds!: string[];
  @ApiProperty({ type: [CitedFindingDto] }) findings!: CitedFindingDto[];
  @ApiProperty() openChallenges!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeleteQueryDto {
  @ApiPropertyOptional({
    description: 'Also delete what depends on the record; without it, such a delete is refused.',
  })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  cascade?: boolean;
}

export class ObjectivesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  outcomeId?: string;
}
