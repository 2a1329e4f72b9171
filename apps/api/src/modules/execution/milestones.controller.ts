import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import {
  CheckInDto,
  CreateCheckInDto,
  CreateMilestoneDto,
  DeleteMilestoneQueryDto,
  MilestoneDto,
  MilestoneListQueryDto,
  UpdateMilestoneDto,
} from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('execution')
@Controller('organisations/:orgId/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Post()
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Add a milestone to an initiative' })
  @ApiCreatedResponse({ type: MilestoneDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateMilestoneDto) {
    return this.milestones.create(context, input);
  }

  @Get()
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Milestones by due date, optionally of one initiative, owner or status',
  })
  @ApiOkResponse({ type: [MilestoneDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: MilestoneListQueryDto) {
    return this.milestones.list(context, query);
  }

  @Get(':milestoneId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A milestone, with its last check-in and whether it is at risk' })
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @InOrganisation() context: OrganisationContext,
    @Param('milestoneId', uuidPipe) milestoneId: string,
  ) {
    return this.milestones.get(context, milestoneId);
  }

  @Patch(':milestoneId')
  @Requires('execution.update')
  @ApiOperation({
    summary: 'Change a milestone',
    description:
      'Status, doneOn, missCategory, missReason and missNote need `execution.update`; title, owner, due date and dependencies also need `plan.edit`. A dependency that would close a cycle answers 409 naming it.',
  })
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('milestoneId', uuidPipe) milestoneId: string,
    @Body() input: UpdateMilestoneDto,
  ) {
    return this.milestones.update(context, milestoneId, input);
  }

  @Delete(':milestoneId')
  @Requires('plan.edit')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a milestone and its check-ins',
    description:
      'Refused (409, naming them) while other milestones depend on it, unless `cascade=true`, which removes those dependencies too.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(
    @InOrganisation() context: OrganisationContext,
    @Param('milestoneId', uuidPipe) milestoneId: string,
    @Query() query: DeleteMilestoneQueryDto,
  ): Promise<void> {
    await this.milestones.remove(context, milestoneId, query.cascade ?? false);
  }

  @Post(':milestoneId/check-ins')
  @Idempotent()
  @Requires('execution.update')
  @ApiOperation({
    summary: 'Record a check-in',
    description:
      'A check-in on a planned milestone moves it in progress; progress 100 does not complete it.',
  })
  @ApiCreatedResponse({ type: CheckInDto })
  @ApiProblems(400, 401, 403, 404, 409)
  recordCheckIn(
    @InOrganisation() context: OrganisationContext,
    @Param('milestoneId', uuidPipe) milestoneId: string,
    @Body() input: CreateCheckInDto,
  ) {
    return this.milestones.recordCheckIn(context, milestoneId, input);
  }

  @Get(':milestoneId/check-ins')
  @Requires('organisation.read')
  @ApiOperation({ summary: "A milestone's check-ins, newest first" })
  @ApiOkResponse({ type: [CheckInDto] })
  @ApiProblems(400, 401, 403, 404)
  listCheckIns(
    @InOrganisation() context: OrganisationContext,
    @Param('milestoneId', uuidPipe) milestoneId: string,
  ) {
    return this.milestones.listCheckIns(context, milestoneId);
  }
}
