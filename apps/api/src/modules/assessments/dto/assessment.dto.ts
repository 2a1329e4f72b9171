import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_KINDS } from '@roi/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, trimString } from '../../../common/validation/domain-validators';

export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() dimension!: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Labels of ratings 1 to 5.' })
  anchors!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) options!: string[] | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty() evidenceRequired!: boolean;
}

export class TemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'leadership-pulse' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'A built-in template, shared by every organisation.' })
  builtIn!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'What it was copied from.',
  })
  basedOnTemplateId!: string | null;
  @ApiProperty({
    description: 'Assessments run on this version; editing a template makes a new version.',
  })
  assessments!: number;
  @ApiProperty({ type: [QuestionDto] }) questions!: QuestionDto[];
}

export class CreateAssessmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) cycleId!: string;
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  templateId!: string;

  @ApiProperty({ example: 'Leadership pulse, spring 2027', maxLength: 200 })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  deadline?: string;
}

export class EvidenceDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  text?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://example.org/report.pdf' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) link' },
  )
  url?: string;

  @ApiPropertyOptional({ description: 'A figure the answer rests on.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  figure?: number;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  questionId!: string;

  @ApiProperty({
    description:
      'A 1-5 rating, a number, a text, an option, or a list of options, by question kind.',
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  @IsDefined({ message: 'is required' })
  value!: unknown;

  @ApiPropertyOptional({ type: EvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}

export class SaveResponseDto {
  @ApiProperty({ type: [AnswerDto] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  @IsArray()
  answers!: AnswerDto[];
}

export class MyAnswerDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  value!: unknown;
  @ApiPropertyOptional({ type: EvidenceDto }) evidence?: EvidenceDto;
}

export class MyResponseDto {
  @ApiProperty({ enum: ['draft', 'submitted'] }) status!: 'draft' | 'submitted';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: [MyAnswerDto] }) answers!: MyAnswerDto[];
}

export class AssessmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty() templateKey!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ description: 'Respondents who have submitted.' }) submitted!: number;
}

export class AssessmentDto extends AssessmentSummaryDto {
  @ApiProperty({ type: [QuestionDto] }) questions!: QuestionDto[];
  @ApiProperty({ type: MyResponseDto, nullable: true }) myResponse!: MyResponseDto | null;
}

export class DimensionResultDto {
  @ApiProperty() dimension!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ description: 'Scale questions of the dimension with at least one answer.' })
  answered!: number;
  @ApiProperty() questions!: number;
}

export class EvidenceCoverageDto {
  @ApiProperty() dimension!: string;
  @ApiProperty({ description: 'Submitted answers in the dimension.' }) answers!: number;
  @ApiProperty({ description: 'Of which backed by evidence.' }) withEvidence!: number;
  @ApiProperty({ description: 'withEvidence / answers.' }) share!: number;
}

export class PreviousDimensionDto {
  @ApiProperty() dimension!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
}

export class PreviousResultsDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() cycleName!: string;
  @ApiProperty({ type: Number, nullable: true }) overallScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) stage!: number | null;
  @ApiProperty({ type: String, nullable: true }) stageName!: string | null;
  @ApiProperty({ type: [PreviousDimensionDto] }) dimensions!: PreviousDimensionDto[];
}

export class ResultsDto {
  @ApiProperty({ type: Number, nullable: true }) overallScore!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 6 }) stage!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Engagement' }) stageName!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of answers backed by evidence.',
  })
  evidenceShare!: number | null;
  @ApiProperty({ type: [DimensionResultDto] }) dimensions!: DimensionResultDto[];
  @ApiProperty({ description: 'Submitted responses the results count.' }) respondents!: number;
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Spread of the 1-5 ratings: count, min, max, standardDeviation, distribution.',
    additionalProperties: true,
  })
  ratingSpread!: object | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Belief against evidence: believed, supported, gap, evidencedRatings.',
    additionalProperties: true,
  })
  beliefGap!: object | null;
  @ApiProperty({ type: [EvidenceCoverageDto] }) evidenceCoverage!: EvidenceCoverageDto[];
  @ApiProperty({
    type: PreviousResultsDto,
    nullable: true,
    description:
      "The same template's closed assessment in the previous cycle, for comparison; null when there is none.",
  })
  previous!: PreviousResultsDto | null;
}

export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;

export class CreateFindingDto {
  @ApiProperty({ maxLength: 200, example: 'Leaders rate social higher than the evidence supports' })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'measurement and ROI' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  dimension?: string;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES, { message: 'must be low, medium or high' })
  severity!: (typeof FINDING_SEVERITIES)[number];

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of answers of this assessment the finding rests on.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @IsArray()
  answerIds?: string[];
}

export class FindingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) dimension!: string | null;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) answerIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SubmittedAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() respondentName!: string;
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  value!: unknown;
  @ApiPropertyOptional({ type: EvidenceDto }) evidence?: EvidenceDto;
}
