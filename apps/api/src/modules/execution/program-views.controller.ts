import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { MilestoneDto } from './dto/milestone.dto';
import {
  AsOfQueryDto,
  BurnUpPointDto,
  BurnUpQueryDto,
  DueSoonQueryDto,
  PeriodQueryDto,
  TimelineDto,
  WeeklyDigestDto,
} from './dto/program-views.dto';
import { ProgramViewsService } from './program-views.service';

/**
 * What a program manager chases: the lists of milestones (registered before the milestones
 * controller, and two segments deep, so `milestones/:milestoneId` never reads "views" as an id),
 * the timeline, the burn-up and the weekly digest.
 */
@ApiTags('execution')
@Controller('organisations/:orgId')
export class ProgramViewsController {
  constructor(private readonly views: ProgramViewsService) {}

  @Get('milestones/views/mine')
  @Requires('organisation.read', { peopleOnly: true })
  @ApiOperation({ summary: 'The milestones the caller owns, by due date (people only)' })
  @ApiOkResponse({ type: [MilestoneDto] })
  @ApiProblems(400, 401, 403, 404)
  mine(@InOrganisation() context: OrganisationContext, @Query() query: AsOfQueryDto) {
    return this.views.mine(context, query);
  }

  @Get('milestones/views/overdue')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Late milestones: missed, or still open after their due date' })
  @ApiOkResponse({ type: [MilestoneDto] })
  @ApiProblems(400, 401, 403, 404)
  overdue(@InOrganisation() context: OrganisationContext, @Query() query: AsOfQueryDto) {
    return this.views.overdue(context, query);
  }

  @Get('milestones/views/due-soon')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Open milestones due within `days` (default 14)' })
  @ApiOkResponse({ type: [MilestoneDto] })
  @ApiProblems(400, 401, 403, 404)
  dueSoon(@InOrganisation() context: OrganisationContext, @Query() query: DueSoonQueryDto) {
    return this.views.dueSoon(context, query);
  }

  @Get('milestones/views/at-risk')
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'Milestones at risk: overdue, depending on a late milestone, or last checked in with low confidence',
  })
  @ApiOkResponse({ type: [MilestoneDto] })
  @ApiProblems(400, 401, 403, 404)
  atRisk(@InOrganisation() context: OrganisationContext, @Query() query: AsOfQueryDto) {
    return this.views.atRisk(context, query);
  }

  @Get('timeline')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Initiatives and their milestones over a period, for a Gantt chart' })
  @ApiOkResponse({ type: TimelineDto })
  @ApiProblems(400, 401, 403, 404)
  timeline(@InOrganisation() context: OrganisationContext, @Query() query: PeriodQueryDto) {
    return this.views.timeline(context, query);
  }

  @Get('burn-up')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Milestones planned and done over a period, every `stepDays`' })
  @ApiOkResponse({ type: [BurnUpPointDto] })
  @ApiProblems(400, 401, 403, 404)
  burnUp(@InOrganisation() context: OrganisationContext, @Query() query: BurnUpQueryDto) {
    return this.views.burnUp(context, query);
  }

  @Post('digests/weekly')
  @Requires('plan.edit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mail the weekly milestone digest now',
    description:
      'Each member who owns a late, at-risk or soon-due milestone, or is accountable or responsible for its initiative, gets one mail listing them. It is also sent every Monday morning.',
  })
  @ApiOkResponse({ type: WeeklyDigestDto })
  @ApiProblems(400, 401, 403, 404)
  sendWeeklyDigest(@InOrganisation() context: OrganisationContext, @Query() query: AsOfQueryDto) {
    return this.views.sendWeeklyDigest(context, query);
  }
}
