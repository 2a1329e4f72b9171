import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import {
  CostExportQueryDto,
  MeasurementExportQueryDto,
  ValueExportQueryDto,
} from './dto/export.dto';
import { ExportsService } from './exports.service';

const csv = (header: string) => ({
  description: `CSV with the header \`${header}\`, in the import format (it re-imports unchanged).`,
  content: { 'text/csv': { schema: { type: 'string' } } },
});

@ApiTags('imports')
@Controller('organisations/:orgId/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('costs.csv')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Cost entries as CSV, filtered like the list' })
  @ApiProduces('text/csv')
  @ApiOkResponse(csv('date,initiative,channel,activity,category,amount,hours,note'))
  @ApiProblems(400, 401, 403, 404)
  costs(
    @InOrganisation() context: OrganisationContext,
    @Query() query: CostExportQueryDto,
    @Res() response: Response,
  ) {
    return this.exports.export(context, 'costs', query, response);
  }

  @Get('values.csv')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Value entries as CSV, filtered like the list' })
  @ApiProduces('text/csv')
  @ApiOkResponse(csv('date,initiative,channel,activity,value_type,amount,confidence,note'))
  @ApiProblems(400, 401, 403, 404)
  values(
    @InOrganisation() context: OrganisationContext,
    @Query() query: ValueExportQueryDto,
    @Res() response: Response,
  ) {
    return this.exports.export(context, 'values', query, response);
  }

  @Get('kpi-measurements.csv')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'KPI measurements as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse(csv('kpi,date,value'))
  @ApiProblems(400, 401, 403, 404)
  measurements(
    @InOrganisation() context: OrganisationContext,
    @Query() query: MeasurementExportQueryDto,
    @Res() response: Response,
  ) {
    return this.exports.export(context, 'kpi-measurements', query, response);
  }
}
