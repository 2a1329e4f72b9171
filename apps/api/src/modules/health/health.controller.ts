import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/access/access-rule.decorator';

/** Probes for load balancers and orchestrators; outside /api/v1 because they are not the API. */
@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the API is up and its database answers' })
  readiness() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (same as /api/health)' })
  ready() {
    return this.readiness();
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process serves requests (no dependency checked)' })
  liveness() {
    return this.health.check([]);
  }
}
