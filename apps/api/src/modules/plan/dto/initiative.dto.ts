import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPERIMENT_OUTCOMES,
  type ExperimentOutcome,
  PLAN_CODE_PATTERN,
  DECIMAL_MONEY_PATTERN,
} from '@roi/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate, IsOmittable, trimString } from '../../../common/validation/domain-validators';

const codeMessage = { message: 'must be letters, digits, dots, dashes or underscores' };
// Money arrives as a decimal string so it is never a float on its way in.
const moneyMessage = { message: 'must be a decimal string such as "12500.00"' };

/** The experiment side of an initiative, shared by create and update. */
class ExperimentFieldsDto {
  @ApiPropertyOptional({ description: 'An experiment: run to learn, may fail.' })
  @IsOmittable()
  @IsBoolean()
  isExperiment?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  hypothesis?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  successCriteria?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  killCriteria?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  decisionDate?: string | null;

  @ApiPropertyOptional({ enum: EXPERIMENT_OUTCOMES, nullable: true })
  @IsOptional()
  @IsIn(EXPERIMENT_OUTCOMES, { message: 'must be validated, invalidated or inconclusive' })
  experimentOutcome?: ExperimentOutcome | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  lessons?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOmittable()
  @MaxLength(5000)
  @IsString()
  description?: string;
}

export class CreateInitiativeDto extends ExperimentFieldsDto {
  @ApiProperty({ maxLength: 32, example: 'I-ASK', description: 'Unique in the organisation.' })
  @Matches(PLAN_CODE_PATTERN, codeMessage)
  @MaxLength(32)
  @IsString()
  code!: string;

  @ApiProperty({ maxLength: 200, example: 'Ask-a-bookseller on Instagram' })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiProperty({ type: [String], description: 'The objectives it serves (one or more).' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @ArrayMaxSize(50)
  @ArrayMinSize(1, { message: 'must name at least one objective' })
  @IsArray()
  objectiveIds!: string[];

  @ApiProperty({ example: '12500.00', description: "In the organisation's currency." })
  @Matches(DECIMAL_MONEY_PATTERN, moneyMessage)
  @IsString(moneyMessage)
  budget!: string;

  @ApiProperty({ format: 'uuid', description: 'Accountable for the strategy.' })
  @IsUUID('all', { message: 'must be a UUID' })
  accountableUserId!: string;

  @ApiProperty({ format: 'uuid', description: 'Responsible for execution.' })
  @IsUUID('all', { message: 'must be a UUID' })
  responsibleUserId!: string;

  @ApiProperty({ type: [String], example: ['Instagram'] })
  @MaxLength(64, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  channels!: string[];
}

export class UpdateInitiativeDto extends ExperimentFieldsDto {
  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOmittable()
  @Matches(PLAN_CODE_PATTERN, codeMessage)
  @MaxLength(32)
  @IsString()
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @ArrayMaxSize(50)
  @ArrayMinSize(1, { message: 'must name at least one objective' })
  @IsArray()
  objectiveIds?: string[];

  @ApiPropertyOptional({ example: '12500.00' })
  @IsOmittable()
  @Matches(DECIMAL_MONEY_PATTERN, moneyMessage)
  @IsString(moneyMessage)
  budget?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a UUID' })
  accountableUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a UUID' })
  responsibleUserId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @MaxLength(64, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  channels?: string[];
}

export class InitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) objectiveIds!: string[];
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ example: '12500.00', description: 'Decimal string, exact.' }) budget!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'uuid' }) accountableUserId!: string;
  @ApiProperty() accountableName!: string;
  @ApiProperty({ format: 'uuid' }) responsibleUserId!: string;
  @ApiProperty() responsibleName!: string;
  @ApiProperty({ type: String, nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) endsOn!: string | null;
  @ApiProperty() isExperiment!: boolean;
  @ApiProperty({ type: String, nullable: true }) hypothesis!: string | null;
  @ApiProperty({ type: String, nullable: true }) successCriteria!: string | null;
  @ApiProperty({ type: String, nullable: true }) killCriteria!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionDate!: string | null;
  @ApiProperty({ enum: EXPERIMENT_OUTCOMES, nullable: true })
  experimentOutcome!: ExperimentOutcome | null;
  @ApiProperty({ type: String, nullable: true }) lessons!: string | null;
  @ApiProperty({ description: 'An experiment past its decision date without an outcome.' })
  decisionOverdue!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class InitiativesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only initiatives serving this objective.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  objectiveId?: string;
}
