import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFIDENCE_PATTERN,
  HOURS_PATTERN,
  DECIMAL_MONEY_PATTERN,
  LEDGER_NOTE_MAX_LENGTH,
  VOCABULARY_LABEL_MAX_LENGTH,
} from '@roi/domain';
import { Transform } from 'class-transformer';
import {
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
import { PageQueryDto } from '../../../common/pagination/cursor';
import { IsIsoDate, IsOmittable, trimString } from '../../../common/validation/domain-validators';
import { COST_CATEGORIES, type CostCategory, VALUE_TYPES, type ValueType } from '../ledger.entity';

const amountMessage = {
  message: 'must be a decimal string greater than 0, such as "1250.00"',
};
const confidenceMessage = {
  message: 'must be a decimal string from 0 to 1 with at most 4 decimal places, such as "0.75"',
};
const hoursMessage = {
  message: 'must be a decimal string of 0 or more with at most 2 decimal places, such as "7.5"',
};
const uuidMessage = { message: 'must be a UUID' };

/** Fields every entry has; each is required on create and optional on update. */
class EntryFieldsDto {
  @ApiProperty({ example: '2027-03-14', description: 'YYYY-MM-DD' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ format: 'uuid', description: 'The initiative the money belongs to.' })
  @IsUUID('all', uuidMessage)
  initiativeId!: string;

  @ApiProperty({
    maxLength: VOCABULARY_LABEL_MAX_LENGTH,
    example: 'Instagram',
    description:
      'Matched case-insensitively after trimming against the organisation’s channels; a new one is added on first use.',
  })
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  channel!: string;

  @ApiProperty({
    maxLength: VOCABULARY_LABEL_MAX_LENGTH,
    example: 'Content production',
    description: 'Matched like the channel, against the organisation’s activities.',
  })
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  activity!: string;

  @ApiProperty({
    example: '1250.00',
    description:
      "In the organisation's currency, > 0, with at most the currency's minor-unit digits.",
  })
  @Matches(DECIMAL_MONEY_PATTERN, amountMessage)
  @IsString(amountMessage)
  amount!: string;

  @ApiPropertyOptional({ maxLength: LEDGER_NOTE_MAX_LENGTH })
  @IsOmittable()
  @MaxLength(LEDGER_NOTE_MAX_LENGTH)
  @IsString()
  note?: string;
}

export class CreateCostEntryDto extends EntryFieldsDto {
  @ApiProperty({ enum: COST_CATEGORIES })
  @IsIn(COST_CATEGORIES, { message: `must be one of ${COST_CATEGORIES.join(', ')}` })
  category!: CostCategory;

  @ApiPropertyOptional({ type: String, nullable: true, example: '7.5' })
  @IsOptional()
  @Matches(HOURS_PATTERN, hoursMessage)
  @IsString(hoursMessage)
  hours?: string | null;
}

export class CreateValueEntryDto extends EntryFieldsDto {
  @ApiProperty({ enum: VALUE_TYPES })
  @IsIn(VALUE_TYPES, { message: `must be one of ${VALUE_TYPES.join(', ')}` })
  valueType!: ValueType;

  @ApiPropertyOptional({
    example: '0.75',
    default: '1',
    description: 'Attribution confidence: how sure we are the value came from this work (0 to 1).',
  })
  @IsOmittable()
  @Matches(CONFIDENCE_PATTERN, confidenceMessage)
  @IsString(confidenceMessage)
  confidence?: string;
}

class VersionDto {
  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;
}

/** An update names only the fields it changes, and the version it was based on. */
class UpdateEntryFieldsDto extends VersionDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD' }) @IsOmittable() @IsIsoDate() date?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', uuidMessage)
  initiativeId?: string;

  @ApiPropertyOptional({ maxLength: VOCABULARY_LABEL_MAX_LENGTH })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  channel?: string;

  @ApiPropertyOptional({ maxLength: VOCABULARY_LABEL_MAX_LENGTH })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  activity?: string;

  @ApiPropertyOptional({ example: '1250.00' })
  @IsOmittable()
  @Matches(DECIMAL_MONEY_PATTERN, amountMessage)
  @IsString(amountMessage)
  amount?: string;

  @ApiPropertyOptional({ maxLength: LEDGER_NOTE_MAX_LENGTH })
  @IsOmittable()
  @MaxLength(LEDGER_NOTE_MAX_LENGTH)
  @IsString()
  note?: string;
}

export class UpdateCostEntryDto extends UpdateEntryFieldsDto {
  @ApiPropertyOptional({ enum: COST_CATEGORIES })
  @IsOmittable()
  @IsIn(COST_CATEGORIES, { message: `must be one of ${COST_CATEGORIES.join(', ')}` })
  category?: CostCategory;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(HOURS_PATTERN, hoursMessage)
  @IsString(hoursMessage)
  hours?: string | null;
}

export class UpdateValueEntryDto extends UpdateEntryFieldsDto {
  @ApiPropertyOptional({ enum: VALUE_TYPES })
  @IsOmittable()
  @IsIn(VALUE_TYPES, { message: `must be one of ${VALUE_TYPES.join(', ')}` })
  valueType?: ValueType;

  @ApiPropertyOptional({ example: '0.75' })
  @IsOmittable()
  @Matches(CONFIDENCE_PATTERN, confidenceMessage)
  @IsString(confidenceMessage)
  confidence?: string;
}

export const LEDGER_SORTS = ['date', '-date', 'amount', '-amount'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** The filters shared by the lists and the CSV exports of both ledgers. */
export class LedgerFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'From this date (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuidMessage)
  initiativeId?: string;

  @ApiPropertyOptional({ description: 'A channel label, matched case-insensitively.' })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsString()
  channel?: string;

  @ApiPropertyOptional({ description: 'An activity label, matched case-insensitively.' })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsString()
  activity?: string;

  @ApiPropertyOptional({ enum: LEDGER_SORTS, default: '-date' })
  @IsOptional()
  @IsIn(LEDGER_SORTS, { message: `must be one of ${LEDGER_SORTS.join(', ')}` })
  sort?: LedgerSort;
}

export class CostEntriesQueryDto extends LedgerFilterDto {
  @ApiPropertyOptional({ enum: COST_CATEGORIES })
  @IsOptional()
  @IsIn(COST_CATEGORIES, { message: `must be one of ${COST_CATEGORIES.join(', ')}` })
  category?: CostCategory;
}

export class ValueEntriesQueryDto extends LedgerFilterDto {
  @ApiPropertyOptional({ enum: VALUE_TYPES })
  @IsOptional()
  @IsIn(VALUE_TYPES, { message: `must be one of ${VALUE_TYPES.join(', ')}` })
  valueType?: ValueType;
}

class EntryAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2027-03-14' }) date!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty({ example: 'I-ASK' }) initiativeCode!: string;
  @ApiProperty({ example: 'Instagram' }) channel!: string;
  @ApiProperty({ example: 'Content production' }) activity!: string;
  @ApiProperty({ example: '1250.00', description: "With the currency's minor-unit digits." })
  amount!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) importId!: string | null;
  @ApiProperty() version!: number;
}

export class CostEntryDto extends EntryAnswerDto {
  @ApiProperty({ enum: COST_CATEGORIES }) category!: CostCategory;
  @ApiProperty({ type: String, nullable: true, example: '7.50' }) hours!: string | null;
}

export class ValueEntryDto extends EntryAnswerDto {
  @ApiProperty({ enum: VALUE_TYPES }) valueType!: ValueType;
  @ApiProperty({ example: '0.75' }) confidence!: string;
  @ApiProperty({
    example: '937.50',
    description: 'amount x confidence, rounded to the minor unit for display only.',
  })
  riskAdjustedAmount!: string;
}

class LedgerTotalsDto {
  @ApiProperty({ description: 'Entries the filter matches (all pages).' }) count!: number;
  @ApiProperty({ example: '20345.67' }) amount!: string;
}

class ValueTotalsDto extends LedgerTotalsDto {
  @ApiProperty({ example: '18000.00' }) riskAdjustedAmount!: string;
}

export class CostEntryPageDto {
  @ApiProperty({ type: [CostEntryDto] }) items!: CostEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: LedgerTotalsDto }) totals!: LedgerTotalsDto;
}

export class ValueEntryPageDto {
  @ApiProperty({ type: [ValueEntryDto] }) items!: ValueEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: ValueTotalsDto }) totals!: ValueTotalsDto;
}
