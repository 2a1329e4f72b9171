import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_DESCRIPTION_MAX_LENGTH, ORGANISATION_NAME_MAX_LENGTH } from '@roi/domain';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  IsCurrencyCode,
  IsOmittable,
  IsLocale,
  IsTimeZone,
  trimString,
} from '../../../common/validation/domain-validators';

// With stopAtFirstError, class-validator reports the first failing check, starting from the
// decorator nearest the property: the type check sits there, so a wrong type is named as such.
export class CreateOrganisationDto {
  @ApiProperty({ maxLength: ORGANISATION_NAME_MAX_LENGTH, example: 'Harbour Credit Union' })
  @Transform(trimString)
  @MaxLength(ORGANISATION_NAME_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: ORGANISATION_DESCRIPTION_MAX_LENGTH,
    nullable: true,
  })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(ORGANISATION_DESCRIPTION_MAX_LENGTH)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 120, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(120)
  @IsString()
  sector?: string | null;

  @ApiPropertyOptional({ default: 'EUR', example: 'GBP' })
  @IsOmittable()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 1 })
  @IsOmittable()
  @Max(12)
  @Min(1)
  @IsInt()
  fiscalYearStartMonth?: number;

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/London' })
  @IsOmittable()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ default: 'en-GB', example: 'en-GB' })
  @IsOmittable()
  @IsLocale()
  locale?: string;
}
