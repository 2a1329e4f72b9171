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
  AsOfQueryDto,
  CreateKpiDto,
  CreateMeasurementDto,
  KpiDetailDto,
  KpiDto,
  KpiMeasurementDto,
  KpisQueryDto,
  UpdateKpiDto,
  UpdateMeasurementDto,
} from './dto/kpi.dto';
import { DeleteQueryDto } from './dto/strategy.dto';
import { KpisService } from './kpis.service';

@ApiTags('plan')
@Controller('organisations/:orgId/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'KPIs with their status, progress and expected progress as of a date' })
  @ApiOkResponse({ type: [KpiDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: KpisQueryDto) {
    return this.kpis.list(context, query.asOf, query.objectiveId);
  }

  @Post()
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Add a KPI under an objective (code unique in the organisation)' })
  @ApiCreatedResponse({ type: KpiDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateKpiDto) {
    return this.kpis.create(context, input);
  }

  @Get(':kpiId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A KPI with its measurements, evaluated as of a date (asOf)' })
  @ApiOkResponse({ type: KpiDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Query() query: AsOfQueryDto,
  ) {
    return this.kpis.get(context, id, query.asOf);
  }

  @Patch(':kpiId')
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Change a KPI (send the version you based the change on)' })
  @ApiOkResponse({ type: KpiDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Body() input: UpdateKpiDto,
  ) {
    return this.kpis.update(context, id, input);
  }

  @Delete(':kpiId')
  @Requires('plan.edit')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a KPI; with its measurements only when confirmed (cascade=true)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async delete(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Query() query: DeleteQueryDto,
  ) {
    await this.kpis.delete(context, id, query.cascade);
  }

  @Get(':kpiId/measurements')
  @Requires('organisation.read')
  @ApiOperation({ summary: "A KPI's measurements, oldest first" })
  @ApiOkResponse({ type: [KpiMeasurementDto] })
  @ApiProblems(400, 401, 403, 404)
  measurements(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
  ) {
    return this.kpis.measurements(context, id);
  }

  @Post(':kpiId/measurements')
  @Idempotent()
  @Requires('execution.update')
  @ApiOperation({ summary: 'Record a dated value (one a day)' })
  @ApiCreatedResponse({ type: KpiMeasurementDto })
  @ApiProblems(400, 401, 403, 404, 409)
  addMeasurement(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Body() input: CreateMeasurementDto,
  ) {
    return this.kpis.addMeasurement(context, id, input);
  }

  @Patch(':kpiId/measurements/:measurementId')
  @Requires('execution.update')
  @ApiOperation({ summary: 'Correct a measurement (send its version)' })
  @ApiOkResponse({ type: KpiMeasurementDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateMeasurement(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Param('measurementId', uuidPipe) measurementId: string,
    @Body() input: UpdateMeasurementDto,
  ) {
    return this.kpis.updateMeasurement(context, id, measurementId, input);
  }

  @Delete(':kpiId/measurements/:measurementId')
  @Requires('execution.update')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a measurement' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteMeasurement(
    @InOrganisation() context: OrganisationContext,
    @Param('kpiId', uuidPipe) id: string,
    @Param('measurementId', uuidPipe) measurementId: string,
  ) {
    await this.kpis.deleteMeasurement(context, id, measurementId);
  }
}
