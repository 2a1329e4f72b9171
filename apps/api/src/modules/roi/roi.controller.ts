import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { PeriodQueryDto, ReallocationDto, RoiQueryDto, RoiReportDto } from './dto/roi.dto';
import { RoiService } from './roi.service';

@ApiTags('roi')
@Controller('organisations/:orgId')
export class RoiController {
  constructor(private readonly roi: RoiService) {}

  @Get('roi')
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'Cost, value, risk-adjusted value, net, ROI and risk-adjusted ROI over a period, by initiative, objective, channel or activity, optionally per month or quarter',
  })
  @ApiOkResponse({ type: RoiReportDto })
  @ApiProblems(400, 401, 403, 404)
  report(@InOrganisation() context: OrganisationContext, @Query() query: RoiQueryDto) {
    return this.roi.report(context, query);
  }

  @Get('reallocation')
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'Activities that could give budget and those that could receive it over a period, with the figures that justify each',
  })
  @ApiOkResponse({ type: ReallocationDto })
  @ApiProblems(400, 401, 403, 404)
  reallocation(@InOrganisation() context: OrganisationContext, @Query() query: PeriodQueryDto) {
    return this.roi.reallocation(context, query);
  }
}
