import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  KPI_STATUSES,
  type KpiStatus,
  MISS_ATTRIBUTIONS,
  type MissAttribution,
  MISS_CATEGORIES,
  type MissCategory,
} from '@roi/domain';
import { IsIsoDate, trimString } from '../../../common/validation/domain-validators';
import { Transform } from 'class-transformer';
import { RoiFiguresDto, RoiIntervalDto, RoiReportDto } from '../../roi/dto/roi.dto';
import {
  ExperimentLessonDto,
  KpiStatusCountsDto,
  MaturityDto,
  MilestoneSummaryDto,
  MissCountsDto,
  ReportCycleDto,
  ReportKpiDto,
  RoadmapStepDto,
} from './report-parts.dto';

export const BOARD_PACK_STATUSES = ['draft', 'published'] as const;
export type BoardPackStatus = (typeof BOARD_PACK_STATUSES)[number];

/** Long enough for a page of commentary; bounded like every other text the API takes. */
const COMMENTARY_MAX = 20_000;

export class CreateBoardPackDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  cycleId!: string;

  @ApiProperty({ example: 'Board review, June 2027', minLength: 1, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({
    example: '2027-06-30',
    description: 'The date the pack looks at: within the cycle, from its start to its end date.',
  })
  @IsIsoDate()
  asOf!: string;
}

export class CommentaryDto {
  @ApiProperty({
    description: 'The executive summary, written by the author.',
    maxLength: COMMENTARY_MAX,
  })
  @IsString()
  @MaxLength(COMMENTARY_MAX)
  summary!: string;

  @ApiProperty({ description: 'Decisions requested of the board.', maxLength: COMMENTARY_MAX })
  @IsString()
  @MaxLength(COMMENTARY_MAX)
  decisions!: string;
}

export class CommentaryChangeDto {
  @ApiPropertyOptional({ maxLength: COMMENTARY_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENTARY_MAX)
  summary?: string;

  @ApiPropertyOptional({ maxLength: COMMENTARY_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENTARY_MAX)
  decisions?: string;
}

export class UpdateBoardPackDto {
  @ApiProperty({ type: CommentaryChangeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommentaryChangeDto)
  commentary!: CommentaryChangeDto;

  @ApiProperty({ description: 'The version read; a stale one answers 409.', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class PackOrganisationDto {
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 2 }) minorUnits!: number;
  @ApiProperty({ example: 'en-GB', description: 'BCP 47: how its dates and money are written.' })
  locale!: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
}

export class DeliveredMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() initiativeCode!: string;
  @ApiProperty({ example: '2027-03-31' }) dueDate!: string;
  @ApiProperty({ example: '2027-03-28' }) doneOn!: string;
}

export class MissedMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() initiativeCode!: string;
  @ApiProperty({ example: '2027-03-31' }) dueDate!: string;
  @ApiProperty({ enum: MISS_CATEGORIES }) missCategory!: MissCategory;
  @ApiProperty({ type: String, nullable: true }) missNote!: string | null;
}

export class PackMilestonesDto extends MilestoneSummaryDto {
  @ApiProperty({
    type: [DeliveredMilestoneDto],
    description: 'Done within the cycle up to the as-of date.',
  })
  delivered!: DeliveredMilestoneDto[];
  @ApiProperty({
    type: [MissedMilestoneDto],
    description:
      'Missed, due within the cycle up to the as-of date, with the category of the miss.',
  })
  missed!: MissedMilestoneDto[];
}

export class BoardPackContentDto {
  @ApiProperty({ format: 'date-time', description: 'When these figures were computed.' })
  computedAt!: string;
  @ApiProperty({ example: '2027-06-30' }) asOf!: string;
  @ApiProperty({ type: PackOrganisationDto }) organisation!: PackOrganisationDto;
  @ApiProperty({ type: ReportCycleDto }) cycle!: ReportCycleDto;
  @ApiProperty({ type: [RoadmapStepDto] }) roadmap!: RoadmapStepDto[];
  @ApiProperty({ type: MaturityDto, nullable: true }) maturity!: MaturityDto | null;
  @ApiProperty({ type: [ReportKpiDto], description: 'Every KPI as of the date.' })
  kpis!: ReportKpiDto[];
  @ApiProperty({ type: KpiStatusCountsDto }) kpiCounts!: KpiStatusCountsDto;
  @ApiProperty({ type: MissCountsDto }) misses!: MissCountsDto;
  @ApiProperty({
    type: RoiReportDto,
    description:
      'Exactly GET /roi?from={cycle.startsOn}&to={asOf}&groupBy=initiative&interval=none; budget against actual is in its groups.',
  })
  roi!: RoiReportDto;
  @ApiProperty({ type: RoiReportDto, description: 'The same period grouped by channel.' })
  roiByChannel!: RoiReportDto;
  @ApiProperty({ type: [RoiIntervalDto], description: 'Cost against value per month.' })
  costValueByMonth!: RoiIntervalDto[];
  @ApiProperty({ type: PackMilestonesDto }) milestones!: PackMilestonesDto;
  @ApiProperty({ type: [ExperimentLessonDto] }) experiments!: ExperimentLessonDto[];
}

export class BoardPackSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty() cycleName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2027-06-30' }) asOf!: string;
  @ApiProperty({ enum: BOARD_PACK_STATUSES }) status!: BoardPackStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

export class BoardPackDto extends BoardPackSummaryDto {
  @ApiProperty({ type: CommentaryDto }) commentary!: CommentaryDto;
  @ApiProperty({
    type: BoardPackContentDto,
    description:
      'A draft: the live figures as of its date, computed on every read. A published pack: the figures stored when it was published, never recomputed.',
  })
  content!: BoardPackContentDto;
}

export class KpiMovementDto {
  @ApiProperty({ format: 'uuid' }) kpiId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: KPI_STATUSES, nullable: true }) statusBefore!: KpiStatus | null;
  @ApiProperty({ enum: KPI_STATUSES, nullable: true }) statusAfter!: KpiStatus | null;
  @ApiProperty({ type: Number, nullable: true }) progressBefore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) progressAfter!: number | null;
  @ApiProperty({ enum: MISS_ATTRIBUTIONS, nullable: true }) missBefore!: MissAttribution | null;
  @ApiProperty({ enum: MISS_ATTRIBUTIONS, nullable: true }) missAfter!: MissAttribution | null;
}

export class FiguresMovementDto {
  @ApiProperty({ type: RoiFiguresDto }) before!: RoiFiguresDto;
  @ApiProperty({ type: RoiFiguresDto }) after!: RoiFiguresDto;
}

export class CountMovementDto {
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
}

export class BoardPackComparisonDto {
  @ApiProperty({ type: BoardPackSummaryDto }) pack!: BoardPackSummaryDto;
  @ApiProperty({
    type: BoardPackSummaryDto,
    nullable: true,
    description: 'The latest pack published before this one (by as-of date); null for the first.',
  })
  previous!: BoardPackSummaryDto | null;
  @ApiPropertyOptional({ type: FiguresMovementDto, description: 'ROI to date, before and after.' })
  roi?: FiguresMovementDto;
  @ApiProperty({
    type: [KpiMovementDto],
    description: 'KPIs whose status, progress or miss moved.',
  })
  kpis!: KpiMovementDto[];
  @ApiPropertyOptional({ type: CountMovementDto }) milestonesDelivered?: CountMovementDto;
  @ApiPropertyOptional({ type: CountMovementDto }) milestonesMissed?: CountMovementDto;
}

export class CreateShareLinkDto {
  @ApiProperty({
    example: 30,
    minimum: 1,
    maximum: 365,
    description: 'Days until the link expires.',
  })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  expiresInDays!: number;
}

export class ShareLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastOpenedAt!: string | null;
  @ApiProperty() openCount!: number;
}

export class CreatedShareLinkDto extends ShareLinkDto {
  @ApiProperty({ description: 'Shown once: only its hash is stored.' }) token!: string;
  @ApiProperty({ example: 'https://roi.example.com/shared/board-packs/…' }) url!: string;
}
