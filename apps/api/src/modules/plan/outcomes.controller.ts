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
  CreateObjectiveDto,
  CreateOutcomeDto,
  DeleteQueryDto,
  ObjectiveDto,
  ObjectivesQueryDto,
  OutcomeDto,
  UpdateObjectiveDto,
  UpdateOutcomeDto,
} from './dto/strategy.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('plan')
@Controller('organisations/:orgId')
export class OutcomesController {
  constructor(private readonly plan: OutcomesService) {}

  @Get('outcomes')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Business outcomes, the top of the strategy map' })
  @ApiOkResponse({ type: [OutcomeDto] })
  @ApiProblems(401, 403, 404)
  listOutcomes(@InOrganisation() context: OrganisationContext) {
    return this.plan.listOutcomes(context);
  }

  @Post('outcomes')
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Add a business outcome with its owner' })
  @ApiCreatedResponse({ type: OutcomeDto })
  @ApiProblems(400, 401, 403, 404)
  createOutcome(@InOrganisation() context: OrganisationContext, @Body() input: CreateOutcomeDto) {
    return this.plan.createOutcome(context, input);
  }

  @Get('outcomes/:outcomeId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'One outcome' })
  @ApiOkResponse({ type: OutcomeDto })
  @ApiProblems(400, 401, 403, 404)
  getOutcome(
    @InOrganisation() context: OrganisationContext,
    @Param('outcomeId', uuidPipe) id: string,
  ) {
    return this.plan.getOutcome(context, id);
  }

  @Patch('outcomes/:outcomeId')
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Change an outcome (send the version you based the change on)' })
  @ApiOkResponse({ type: OutcomeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateOutcome(
    @InOrganisation() context: OrganisationContext,
    @Param('outcomeId', uuidPipe) id: string,
    @Body() input: UpdateOutcomeDto,
  ) {
    return this.plan.updateOutcome(context, id, input);
  }

  @Delete('outcomes/:outcomeId')
  @Requires('plan.edit')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an outcome; with objectives under it only when confirmed (cascade=true)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async deleteOutcome(
    @InOrganisation() context: OrganisationContext,
    @Param('outcomeId', uuidPipe) id: string,
    @Query() query: DeleteQueryDto,
  ) {
    await this.plan.deleteOutcome(context, id, query.cascade);
  }

  @Get('objectives')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Objectives, with the findings they cite' })
  @ApiOkResponse({ type: [ObjectiveDto] })
  @ApiProblems(400, 401, 403, 404)
  listObjectives(
    @InOrganisation() context: OrganisationContext,
    @Query() query: ObjectivesQueryDto,
  ) {
    return this.plan.listObjectives(context, query.outcomeId);
  }

  @Post('objectives')
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Add an objective under an outcome, citing findings' })
  @ApiCreatedResponse({ type: ObjectiveDto })
  @ApiProblems(400, 401, 403, 404)
  createObjective(
    @InOrganisation() context: OrganisationContext,
    @Body() input: CreateObjectiveDto,
  ) {
    return this.plan.createObjective(context, input);
  }

  @Get('objectives/:objectiveId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'One objective' })
  @ApiOkResponse({ type: ObjectiveDto })
  @ApiProblems(400, 401, 403, 404)
  getObjective(
    @InOrganisation() context: OrganisationContext,
    @Param('objectiveId', uuidPipe) id: string,
  ) {
    return this.plan.getObjective(context, id);
  }

  @Patch('objectives/:objectiveId')
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Change an objective (send the version you based the change on)' })
  @ApiOkResponse({ type: ObjectiveDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateObjective(
    @InOrganisation() context: OrganisationContext,
    @Param('objectiveId', uuidPipe) id: string,
    @Body() input: UpdateObjectiveDto,
  ) {
    return this.plan.updateObjective(context, id, input);
  }

  @Delete('objectives/:objectiveId')
  @Requires('plan.edit')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an objective; with its KPIs only when confirmed (cascade=true)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async deleteObjective(
    @InOrganisation() context: OrganisationContext,
    @Param('objectiveId', uuidPipe) id: string,
    @Query() query: DeleteQueryDto,
  ) {
    await this.plan.deleteObjective(context, id, query.cascade);
  }
}
