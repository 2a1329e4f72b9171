import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/domain-validators';

export const ROI_GROUPINGS = ['initiative', 'objective', 'channel', 'activity'] as const;
export type RoiGrouping = (typeof ROI_GROUPINGS)[number];
export const ROI_INTERVALS = ['none', 'month', 'quarter'] as const;
export type RoiInterval = (typeof ROI_INTERVALS)[number];

/** A period: from..to, both inclusive (BRIEF); the organisation's current fiscal year by default. */
export class PeriodQueryDto {
  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'First day (inclusive); the current fiscal year’s first day by default.',
  })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'Last day (inclusive); the current fiscal year’s last day by default.',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class RoiQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ROI_GROUPINGS, default: 'initiative' })
  @IsOptional()
  @IsIn(ROI_GROUPINGS, { message: `must be one of ${ROI_GROUPINGS.join(', ')}` })
  groupBy?: RoiGrouping;

  @ApiPropertyOptional({ enum: ROI_INTERVALS, default: 'none' })
  @IsOptional()
  @IsIn(ROI_INTERVALS, { message: `must be one of ${ROI_INTERVALS.join(', ')}` })
  interval?: RoiInterval;
}

const money = (example: string, description?: string) =>
  ApiProperty({
    example,
    description: description ?? "A decimal string with exactly the currency's minor-unit digits.",
  });
const ratio = () =>
  ApiProperty({
    type: String,
    nullable: true,
    example: '0.2345',
    description:
      'A ratio with exactly four decimals, rounded half away from zero (0.2345 = 23.45%); null when the cost is 0.',
  });

export class RoiFiguresDto {
  @money('20345.67') cost!: string;
  @money('25000.00') value!: string;
  @money(
    '21250.00',
    'Sum of value x attribution confidence, exact until rounded to the minor unit for display.',
  )
  riskAdjustedValue!: string;
  @money('4654.33', 'Value - cost.') net!: string;
  @ratio() roi!: string | null;
  @ratio() riskAdjustedRoi!: string | null;
}

export class RoiIntervalDto extends RoiFiguresDto {
  @ApiProperty({ example: '2027-01-01' }) from!: string;
  @ApiProperty({ example: '2027-01-31' }) to!: string;
}

export class RoiGroupDto extends RoiFiguresDto {
  @ApiProperty({
    description:
      "The initiative's code, or the objective's, channel's or activity's id, as grouped.",
  })
  key!: string;
  @ApiProperty({ description: "The initiative's name, the objective's title, or the label." })
  label!: string;
  @ApiPropertyOptional({ example: '25000.00', description: 'Initiatives: the planned budget.' })
  budget?: string;
  @ApiPropertyOptional({
    example: '4654.33',
    description: 'Initiatives: planned budget - actual cost in the period.',
  })
  budgetVariance?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-06-14',
    description:
      'Initiatives: the first day the running value reaches the running cost (both > 0) within the period.',
  })
  paybackDate?: string | null;
  @ApiPropertyOptional({ type: [RoiIntervalDto] }) intervals?: RoiIntervalDto[];
}

export class RoiReportDto {
  @ApiProperty({ example: '2027-01-01' }) from!: string;
  @ApiProperty({ example: '2027-12-31' }) to!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: RoiFiguresDto }) totals!: RoiFiguresDto;
  @ApiProperty({ type: [RoiGroupDto] }) groups!: RoiGroupDto[];
  @ApiPropertyOptional({ type: [RoiIntervalDto], description: 'The totals per interval.' })
  intervals?: RoiIntervalDto[];
}

export class ReallocationItemDto {
  @ApiProperty({ example: 'Paid promotion' }) activity!: string;
  @ApiProperty({ example: '4000.00' }) cost!: string;
  @ApiProperty({ example: '3500.00' }) value!: string;
  @ApiProperty({ example: '-0.1250' }) roi!: string;
  @ApiProperty({ description: 'One sentence built from the figures that justify the suggestion.' })
  reason!: string;
}

export class ReallocationDto {
  @ApiProperty({ example: '2027-01-01' }) from!: string;
  @ApiProperty({ example: '2027-12-31' }) to!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: String, nullable: true, example: '0.1820' }) organisationRoi!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.0310' }) lowerQuartile!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.4200' }) upperQuartile!: string | null;
  @ApiProperty({ type: [ReallocationItemDto] }) give!: ReallocationItemDto[];
  @ApiProperty({ type: [ReallocationItemDto] }) receive!: ReallocationItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why nothing is suggested, when nothing is.',
  })
  explanation!: string | null;
  @ApiProperty({ description: 'Activities with cost in the period, the ones ranked.' })
  activitiesCompared!: number;
}
