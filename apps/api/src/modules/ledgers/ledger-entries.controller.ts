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
  CostEntriesQueryDto,
  CostEntryDto,
  CostEntryPageDto,
  CreateCostEntryDto,
  CreateValueEntryDto,
  UpdateCostEntryDto,
  UpdateValueEntryDto,
  ValueEntriesQueryDto,
  ValueEntryDto,
  ValueEntryPageDto,
} from './dto/ledger-entry.dto';
import { LedgerEntriesService } from './ledger-entries.service';

@ApiTags('ledgers')
@Controller('organisations/:orgId/cost-entries')
export class CostEntriesController {
  constructor(private readonly ledgers: LedgerEntriesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Cost entries, filtered and sorted, a page at a time, with the totals of the filter',
  })
  @ApiOkResponse({ type: CostEntryPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: CostEntriesQueryDto) {
    return this.ledgers.listCosts(context, query);
  }

  @Post()
  @Idempotent()
  @Requires('ledgers.record')
  @ApiOperation({ summary: 'Record a cost' })
  @ApiCreatedResponse({ type: CostEntryDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateCostEntryDto) {
    return this.ledgers.createCost(context, input);
  }

  @Get(':entryId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A cost entry' })
  @ApiOkResponse({ type: CostEntryDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('entryId', uuidPipe) id: string) {
    return this.ledgers.get(context, 'costs', id);
  }

  @Patch(':entryId')
  @Requires('ledgers.record')
  @ApiOperation({ summary: 'Correct a cost entry (send the version you based the change on)' })
  @ApiOkResponse({ type: CostEntryDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('entryId', uuidPipe) id: string,
    @Body() input: UpdateCostEntryDto,
  ) {
    return this.ledgers.update(context, 'costs', id, input);
  }

  @Delete(':entryId')
  @Requires('ledgers.record')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a cost entry' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async delete(
    @InOrganisation() context: OrganisationContext,
    @Param('entryId', uuidPipe) id: string,
  ) {
    await this.ledgers.delete(context, 'costs', id);
  }
}

@ApiTags('ledgers')
@Controller('organisations/:orgId/value-entries')
export class ValueEntriesController {
  constructor(private readonly ledgers: LedgerEntriesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Value entries, filtered and sorted, a page at a time, with the totals of the filter',
  })
  @ApiOkResponse({ type: ValueEntryPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: ValueEntriesQueryDto) {
    return this.ledgers.listValues(context, query);
  }

  @Post()
  @Idempotent()
  @Requires('ledgers.record')
  @ApiOperation({ summary: 'Record a value, with its attribution confidence' })
  @ApiCreatedResponse({ type: ValueEntryDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateValueEntryDto) {
    return this.ledgers.createValue(context, input);
  }

  @Get(':entryId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A value entry' })
  @ApiOkResponse({ type: ValueEntryDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('entryId', uuidPipe) id: string) {
    return this.ledgers.get(context, 'values', id);
  }

  @Patch(':entryId')
  @Requires('ledgers.record')
  @ApiOperation({ summary: 'Correct a value entry (send the version you based the change on)' })
  @ApiOkResponse({ type: ValueEntryDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('entryId', uuidPipe) id: string,
    @Body() input: UpdateValueEntryDto,
  ) {
    return this.ledgers.update(context, 'values', id, input);
  }

  @Delete(':entryId')
  @Requires('ledgers.record')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a value entry' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async delete(
    @InOrganisation() context: OrganisationContext,
    @Param('entryId', uuidPipe) id: string,
  ) {
    await this.ledgers.delete(context, 'values', id);
  }
}
