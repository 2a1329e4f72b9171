import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AsOfQueryDto } from './dto/kpi.dto';
import { InitiativeDto } from './dto/initiative.dto';
import { StrategyMapDto } from './dto/strategy-map.dto';
import { StrategyMapService } from './strategy-map.service';

class CycleQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Experiments decided within this cycle.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cycleId?: string;
}

@ApiTags('plan')
@Controller('organisations/:orgId')
export class StrategyMapController {
  constructor(private readonly strategy: StrategyMapService) {}

  @Get('strategy-map')
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Outcomes → objectives → KPIs and initiatives → milestones, with status colours',
  })
  @ApiOkResponse({ type: StrategyMapDto })
  @ApiProblems(400, 401, 403, 404)
  map(@InOrganisation() context: OrganisationContext, @Query() query: AsOfQueryDto) {
    return this.strategy.map(context, query.asOf);
  }

  @Get('learning-log')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Every experiment and lesson, failures included (of a cycle)' })
  @ApiOkResponse({ type: [InitiativeDto] })
  @ApiProblems(400, 401, 403, 404)
  learningLog(@InOrganisation() context: OrganisationContext, @Query() query: CycleQueryDto) {
    return this.strategy.learningLog(context, query.cycleId);
  }
}
