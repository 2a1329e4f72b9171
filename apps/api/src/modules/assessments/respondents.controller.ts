import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { InOrganisation, Public, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { originOf } from '../../common/http/origin';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { SaveResponseDto } from './dto/assessment.dto';
import {
  AddRespondentsDto,
  BaselineFigureDto,
  BaselineFiguresQueryDto,
  CreatedResponseLinkDto,
  CreateResponseLinkDto,
  ReminderDto,
  RespondentDto,
  ResponseLinkViewDto,
} from './dto/respondents.dto';
import { RespondentsService } from './respondents.service';

@ApiTags('assessments')
@Controller('organisations/:orgId')
export class RespondentsController {
  constructor(private readonly respondents: RespondentsService) {}

  @Get('assessments/:assessmentId/respondents')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Who is asked to answer, and who has' })
  @ApiOkResponse({ type: [RespondentDto] })
  @ApiProblems(400, 401, 403, 404)
  list(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) assessmentId: string,
  ) {
    return this.respondents.list(context, assessmentId);
  }

  @Post('assessments/:assessmentId/respondents')
  @Idempotent()
  @Requires('assessments.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask members to answer' })
  @ApiOkResponse({ type: [RespondentDto] })
  @ApiProblems(400, 401, 403, 404, 409)
  add(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) assessmentId: string,
    @Body() input: AddRespondentsDto,
  ) {
    return this.respondents.addMembers(context, assessmentId, input.userIds);
  }

  @Delete('assessments/:assessmentId/respondents/:respondentId')
  @Requires('assessments.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop asking someone who has not submitted' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) assessmentId: string,
    @Param('respondentId', uuidPipe) respondentId: string,
  ) {
    await this.respondents.remove(context, assessmentId, respondentId);
  }

  @Post('assessments/:assessmentId/response-links')
  @Idempotent({ answerHoldsSecret: true })
  @Requires('assessments.manage')
  @ApiOperation({
    summary: 'A one-time response link for someone without an account (mailed when given an email)',
  })
  @ApiCreatedResponse({ type: CreatedResponseLinkDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createLink(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) assessmentId: string,
    @Body() input: CreateResponseLinkDto,
    @Req() request: Request,
  ) {
    return this.respondents.createLink(context, assessmentId, input, originOf(request));
  }

  @Post('assessments/:assessmentId/reminders')
  @Requires('assessments.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remind, by mail, everyone asked who has not submitted' })
  @ApiOkResponse({ type: ReminderDto })
  @ApiProblems(400, 401, 403, 404, 409)
  remind(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) assessmentId: string,
    @Req() request: Request,
  ) {
    return this.respondents.remind(context, assessmentId, originOf(request));
  }

  @Get('baseline-figures')
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Baseline figures from closed assessments (followers, posts a month...)',
  })
  @ApiOkResponse({ type: [BaselineFigureDto] })
  @ApiProblems(400, 401, 403, 404)
  baselineFigures(
    @InOrganisation() context: OrganisationContext,
    @Query() query: BaselineFiguresQueryDto,
  ) {
    return this.respondents.baselineFigures(context, query.cycleId);
  }
}

/** The routes a response link opens, for people without an account: the token is the key. */
@ApiTags('assessments')
@Controller('response-links/:token')
export class ResponseLinksController {
  constructor(private readonly respondents: RespondentsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The assessment a response link opens, with the holder’s draft' })
  @ApiOkResponse({ type: ResponseLinkViewDto })
  @ApiProblems(404, 410)
  view(@Param('token') token: string) {
    return this.respondents.viewLink(token);
  }

  @Put('response')
  @Public()
  @ApiOperation({ summary: 'Save the link holder’s draft answers (replaces the draft)' })
  @ApiOkResponse({ type: ResponseLinkViewDto })
  @ApiProblems(400, 404, 409, 410, 413)
  save(@Param('token') token: string, @Body() input: SaveResponseDto) {
    return this.respondents.saveThroughLink(token, input);
  }

  @Post('submit')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the link holder’s response; the link is then used up' })
  @ApiOkResponse({ type: ResponseLinkViewDto })
  @ApiProblems(404, 409, 410, 422)
  submit(@Param('token') token: string) {
    return this.respondents.submitThroughLink(token);
  }
}
