import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import { type OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('organisations/:orgId/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Requires('api-keys.manage')
  @ApiOperation({ summary: 'API keys of the organisation (never the keys themselves)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext): Promise<ApiKeyDto[]> {
    return this.apiKeys.list(context);
  }

  @Post()
  @Idempotent({ answerHoldsSecret: true })
  @Requires('api-keys.manage')
  @ApiOperation({ summary: 'Create an API key; the answer shows the key once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateApiKeyDto) {
    return this.apiKeys.create(context, input);
  }

  @Post(':apiKeyId/revoke')
  @Requires('api-keys.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @InOrganisation() context: OrganisationContext,
    @Param('apiKeyId', uuidPipe) apiKeyId: string,
  ) {
    return this.apiKeys.revoke(context, apiKeyId);
  }
}
