import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AccountabilityService } from './accountability.service';
import { AccountabilityMapDto } from './dto/accountability-map.dto';

@ApiTags('accountability')
@Controller('organisations/:orgId')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get('accountability-map')
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'Who is accountable (strategy) and who is responsible (execution) for each initiative, each person’s load and the gaps; change a holder with PATCH /initiatives/{id}',
  })
  @ApiOkResponse({ type: AccountabilityMapDto })
  @ApiProblems(400, 401, 403, 404)
  map(@InOrganisation() context: OrganisationContext) {
    return this.accountability.map(context);
  }
}
