import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_KINDS, type QuestionKind, TEMPLATE_MAX_QUESTIONS } from '@roi/domain';
import { Transform, Type } from 'class-transformer';
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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';

export class QuestionInputDto {
  @ApiProperty({ maxLength: 64, example: 'listening and insight' })
  @Transform(trimString)
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  dimension!: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS, { message: `must be one of ${QUESTION_KINDS.join(', ')}` })
  kind!: QuestionKind;

  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  prompt!: string;

  @ApiPropertyOptional({ type: [String], description: 'For a scale: the labels of 1 to 5.' })
  @IsOptional()
  @MaxLength(80, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(5)
  @IsArray()
  anchors?: string[];

  @ApiPropertyOptional({ type: [String], description: 'For a choice: its options.' })
  @IsOptional()
  @MaxLength(200, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(30)
  @IsArray()
  options?: string[];

  @ApiPropertyOptional({ maxLength: 64, description: 'For a number: its unit.' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  unit?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  evidenceRequired?: boolean;
}

export class WriteTemplateDto {
  @ApiProperty({ maxLength: 120, example: 'Branch managers pulse' })
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  description?: string;

  @ApiProperty({ type: [QuestionInputDto] })
  @ValidateNested({ each: true })
  @Type(() => QuestionInputDto)
  @ArrayMaxSize(TEMPLATE_MAX_QUESTIONS)
  @ArrayMinSize(1, { message: 'a template asks at least one question' })
  @IsArray()
  questions!: QuestionInputDto[];
}

export class UpdateTemplateDto extends WriteTemplateDto {
  @ApiProperty({ description: 'The version this edit is based on.' })
  @Min(1)
  @IsInt()
  version!: number;
}

export class CopyTemplateDto {
  @ApiPropertyOptional({ maxLength: 120, description: 'Defaults to “<name> (copy)”.' })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name?: string;
}
