import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { MergeLabelDto, RenameLabelDto, VocabularyLabelDto } from './dto/vocabulary.dto';
import { VocabulariesService } from './vocabularies.service';

@ApiTags('ledgers')
@Controller('organisations/:orgId/channels')
export class ChannelsController {
  constructor(private readonly vocabularies: VocabulariesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'The channels the ledgers are booked against, with their use' })
  @ApiOkResponse({ type: [VocabularyLabelDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext) {
    return this.vocabularies.list(context, 'channels');
  }

  @Patch(':channelId')
  @Requires('ledgers.manage')
  @ApiOperation({ summary: 'Rename a channel (send its version)' })
  @ApiOkResponse({ type: VocabularyLabelDto })
  @ApiProblems(400, 401, 403, 404, 409)
  rename(
    @InOrganisation() context: OrganisationContext,
    @Param('channelId', uuidPipe) id: string,
    @Body() input: RenameLabelDto,
  ) {
    return this.vocabularies.rename(context, 'channels', id, input);
  }

  @Post(':channelId/merge')
  @HttpCode(200)
  @Requires('ledgers.manage')
  @ApiOperation({ summary: 'Merge a channel into another: its entries move, it disappears' })
  @ApiOkResponse({ type: VocabularyLabelDto })
  @ApiProblems(400, 401, 403, 404, 409)
  merge(
    @InOrganisation() context: OrganisationContext,
    @Param('channelId', uuidPipe) id: string,
    @Body() input: MergeLabelDto,
  ) {
    return this.vocabularies.merge(context, 'channels', id, input);
  }
}

@ApiTags('ledgers')
@Controller('organisations/:orgId/activities')
export class ActivitiesController {
  constructor(private readonly vocabularies: VocabulariesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'The activities the ledgers are booked against, with their use' })
  @ApiOkResponse({ type: [VocabularyLabelDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext) {
    return this.vocabularies.list(context, 'activities');
  }

  @Patch(':activityId')
  @Requires('ledgers.manage')
  @ApiOperation({ summary: 'Rename an activity (send its version)' })
  @ApiOkResponse({ type: VocabularyLabelDto })
  @ApiProblems(400, 401, 403, 404, 409)
  rename(
    @InOrganisation() context: OrganisationContext,
    @Param('activityId', uuidPipe) id: string,
    @Body() input: RenameLabelDto,
  ) {
    return this.vocabularies.rename(context, 'activities', id, input);
  }

  @Post(':activityId/merge')
  @HttpCode(200)
  @Requires('ledgers.manage')
  @ApiOperation({ summary: 'Merge an activity into another: its entries move, it disappears' })
  @ApiOkResponse({ type: VocabularyLabelDto })
  @ApiProblems(400, 401, 403, 404, 409)
  merge(
    @InOrganisation() context: OrganisationContext,
    @Param('activityId', uuidPipe) id: string,
    @Body() input: MergeLabelDto,
  ) {
    return this.vocabularies.merge(context, 'activities', id, input);
  }
}
