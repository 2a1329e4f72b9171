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
  CreateInitiativeDto,
  InitiativeDto,
  InitiativesQueryDto,
  UpdateInitiativeDto,
} from './dto/initiative.dto';
import { DeleteQueryDto } from './dto/strategy.dto';
import { InitiativesService } from './initiatives.service';

@ApiTags('plan')
@Controller('organisations/:orgId/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Initiatives, with who is accountable and who is responsible' })
  @ApiOkResponse({ type: [InitiativeDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: InitiativesQueryDto) {
    return this.initiatives.list(context, query.objectiveId);
  }

  @Post()
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Add an initiative serving one or more objectives' })
  @ApiCreatedResponse({ type: InitiativeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateInitiativeDto) {
    return this.initiatives.create(context, input);
  }

  @Get(':initiativeId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'One initiative' })
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('initiativeId', uuidPipe) id: string) {
    return this.initiatives.get(context, id);
  }

  @Patch(':initiativeId')
  @Requires('plan.edit')
  @ApiOperation({
    summary: 'Change an initiative or record its experiment outcome (send the version)',
  })
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('initiativeId', uuidPipe) id: string,
    @Body() input: UpdateInitiativeDto,
  ) {
    return this.initiatives.update(context, id, input);
  }

  @Delete(':initiativeId')
  @Requires('plan.edit')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an initiative; with its milestones only when confirmed (cascade=true)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async delete(
    @InOrganisation() context: OrganisationContext,
    @Param('initiativeId', uuidPipe) id: string,
    @Query() query: DeleteQueryDto,
  ) {
    await this.initiatives.delete(context, id, query.cascade);
  }
}
