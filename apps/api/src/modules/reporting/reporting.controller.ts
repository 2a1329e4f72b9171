import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InOrganisation,
  Person,
  Requires,
  SignedIn,
} from '../../common/access/access-rule.decorator';
import type { OrganisationContext, PersonContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { DashboardService } from './dashboard.service';
import { DashboardDto, DashboardQueryDto } from './dto/dashboard.dto';
import { PortfolioDto } from './dto/portfolio.dto';
import { PortfolioService } from './portfolio.service';

@ApiTags('reporting')
@Controller()
export class ReportingController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly portfolios: PortfolioService,
  ) {}

  @Get('organisations/:orgId/dashboard')
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'The executive dashboard of a strategy cycle as of a date: roadmap, KPI status with miss attribution, ROI to date, cost against value, budget, milestones, maturity, challenges and experiments',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(400, 401, 403, 404)
  dashboard(@InOrganisation() context: OrganisationContext, @Query() query: DashboardQueryDto) {
    return this.dashboards.dashboard(context, query);
  }

  @Get('portfolio')
  @SignedIn()
  @ApiOperation({
    summary:
      "The caller's organisations side by side: current cycle and step, KPI status, ROI to date, overdue milestones and the split of misses",
  })
  @ApiOkResponse({ type: PortfolioDto })
  @ApiProblems(401, 403)
  portfolio(@Person() context: PersonContext) {
    return this.portfolios.portfolio(context);
  }
}
