import { Body, Controller, Get, Param, ParseBoolPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { TemplateDto } from './dto/assessment.dto';
import { CopyTemplateDto, UpdateTemplateDto, WriteTemplateDto } from './dto/templates.dto';
import { TemplatesService } from './templates.service';

@ApiTags('assessments')
@Controller('organisations/:orgId/assessment-templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Assessment templates (built-in and own), the latest version of each, with questions',
  })
  @ApiQuery({ name: 'allVersions', required: false, type: Boolean })
  @ApiOkResponse({ type: [TemplateDto] })
  @ApiProblems(400, 401, 403, 404)
  list(
    @InOrganisation() context: OrganisationContext,
    @Query('allVersions', new ParseBoolPipe({ optional: true })) allVersions?: boolean,
  ) {
    return this.templates.list(context, allVersions ?? false);
  }

  @Post()
  @Idempotent()
  @Requires('assessments.manage')
  @ApiOperation({ summary: "Write the organisation's own template" })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: WriteTemplateDto) {
    return this.templates.create(context, input);
  }

  @Get(':templateId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'One template version with its questions' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @InOrganisation() context: OrganisationContext,
    @Param('templateId', uuidPipe) templateId: string,
  ) {
    return this.templates.get(context, templateId);
  }

  @Post(':templateId/copy')
  @Idempotent()
  @Requires('assessments.manage')
  @ApiOperation({ summary: "Copy a template (built-in or own) as the organisation's own" })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404)
  copy(
    @InOrganisation() context: OrganisationContext,
    @Param('templateId', uuidPipe) templateId: string,
    @Body() input: CopyTemplateDto,
  ) {
    return this.templates.copy(context, templateId, input);
  }

  @Put(':templateId')
  @Requires('assessments.manage')
  @ApiOperation({
    summary: 'Edit an own template: saved as its next version; running assessments keep theirs',
  })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('templateId', uuidPipe) templateId: string,
    @Body() input: UpdateTemplateDto,
  ) {
    return this.templates.update(context, templateId, input);
  }
}
