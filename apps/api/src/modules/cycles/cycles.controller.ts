import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { CyclesService } from './cycles.service';
import {
  CreateCriterionDto,
  CreateCycleDto,
  CycleDto,
  CycleSummaryDto,
  ReopenStepDto,
  UpdateCriterionDto,
  UpdateCycleDto,
  UpdateStepDto,
} from './dto/cycle.dto';

export class SignOffDto {
  @ApiProperty({ description: 'The version of the step you read.' })
  @Min(1)
  @IsInt()
  version!: number;
}

@ApiTags('cycles')
@Controller('organisations/:orgId/cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @Idempotent()
  @Requires('cycles.manage')
  @ApiOperation({ summary: 'Start a strategy cycle with its six steps' })
  @ApiCreatedResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateCycleDto) {
    return this.cycles.create(context, input);
  }

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Strategy cycles, newest first' })
  @ApiOkResponse({ type: [CycleSummaryDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext) {
    return this.cycles.list(context);
  }

  @Get(':cycleId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A cycle with its roadmap: the six steps, their criteria and blockers' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('cycleId', uuidPipe) cycleId: string) {
    return this.cycles.get(context, cycleId);
  }

  @Patch(':cycleId')
  @Requires('cycles.manage')
  @ApiOperation({ summary: 'Rename a cycle or change its period' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Body() input: UpdateCycleDto,
  ) {
    return this.cycles.update(context, cycleId, input);
  }

  @Patch(':cycleId/steps/:stepId')
  @Requires('cycles.manage')
  @ApiOperation({ summary: "Change a step's status, owner or planned dates" })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateStep(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Body() input: UpdateStepDto,
  ) {
    return this.cycles.updateStep(context, cycleId, stepId, input);
  }

  @Post(':cycleId/steps/:stepId/sign-off')
  @Requires('steps.sign-off')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign a step off (every exit criterion must be met)' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  signOff(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Body() input: SignOffDto,
  ) {
    return this.cycles.signOff(context, cycleId, stepId, input.version);
  }

  @Post(':cycleId/steps/:stepId/reopen')
  @Requires('steps.sign-off')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a signed-off step, with a reason' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reopen(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Body() input: ReopenStepDto,
  ) {
    return this.cycles.reopen(context, cycleId, stepId, input);
  }

  @Post(':cycleId/steps/:stepId/criteria')
  @Idempotent()
  @Requires('cycles.manage')
  @ApiOperation({ summary: 'Add an exit criterion to a step' })
  @ApiCreatedResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  addCriterion(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Body() input: CreateCriterionDto,
  ) {
    return this.cycles.addCriterion(context, cycleId, stepId, input);
  }

  @Patch(':cycleId/steps/:stepId/criteria/:criterionId')
  @Requires('cycles.manage')
  @ApiOperation({ summary: 'Tick off or reword an exit criterion' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateCriterion(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Param('criterionId', uuidPipe) criterionId: string,
    @Body() input: UpdateCriterionDto,
  ) {
    return this.cycles.updateCriterion(context, cycleId, stepId, criterionId, input);
  }

  @Delete(':cycleId/steps/:stepId/criteria/:criterionId')
  @Requires('cycles.manage')
  @ApiOperation({ summary: 'Remove an exit criterion' })
  @ApiOkResponse({ type: CycleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  removeCriterion(
    @InOrganisation() context: OrganisationContext,
    @Param('cycleId', uuidPipe) cycleId: string,
    @Param('stepId', uuidPipe) stepId: string,
    @Param('criterionId', uuidPipe) criterionId: string,
  ) {
    return this.cycles.removeCriterion(context, cycleId, stepId, criterionId);
  }
}
