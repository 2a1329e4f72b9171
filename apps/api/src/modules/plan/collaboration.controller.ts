import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { type WholeNumber, wholeNumberPipe } from '../../common/validation/query-values';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { CommentsService } from './comments.service';
import {
  CommentDto,
  CommentsQueryDto,
  CompareQueryDto,
  CreateCommentDto,
  DecidePlanDto,
  PlanDiffDto,
  PlanVersionDetailDto,
  PlanVersionDto,
  ResolveCommentDto,
  SubmitPlanDto,
} from './dto/collaboration.dto';
import { PlanVersionsService } from './plan-versions.service';

const versionNumber = wholeNumberPipe('number');

@ApiTags('plan')
@Controller('organisations/:orgId')
export class CollaborationController {
  constructor(
    private readonly comments: CommentsService,
    private readonly versions: PlanVersionsService,
  ) {}

  @Get('plan-comments')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Questions, challenges and comments on the plan' })
  @ApiOkResponse({ type: [CommentDto] })
  @ApiProblems(400, 401, 403, 404)
  listComments(@InOrganisation() context: OrganisationContext, @Query() query: CommentsQueryDto) {
    return this.comments.list(context, query);
  }

  @Post('plan-comments')
  @Idempotent()
  @Requires('plan.comment')
  @ApiOperation({ summary: 'Question or challenge an outcome, objective or KPI' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404)
  comment(@InOrganisation() context: OrganisationContext, @Body() input: CreateCommentDto) {
    return this.comments.create(context, input);
  }

  @Patch('plan-comments/:commentId')
  @Requires('plan.comment')
  @ApiOperation({ summary: 'Resolve (or reopen) a question or challenge' })
  @ApiOkResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  resolve(
    @InOrganisation() context: OrganisationContext,
    @Param('commentId', uuidPipe) id: string,
    @Body() input: ResolveCommentDto,
  ) {
    return this.comments.resolve(context, id, input);
  }

  @Get('plan-versions')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Submitted, approved and rejected versions of the plan, newest first' })
  @ApiOkResponse({ type: [PlanVersionDto] })
  @ApiProblems(401, 403, 404)
  listVersions(@InOrganisation() context: OrganisationContext) {
    return this.versions.list(context);
  }

  @Post('plan-versions')
  @Idempotent()
  @Requires('plan.edit')
  @ApiOperation({ summary: 'Submit the working draft for approval (freezes a copy of it)' })
  @ApiCreatedResponse({ type: PlanVersionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(@InOrganisation() context: OrganisationContext, @Body() input: SubmitPlanDto) {
    return this.versions.submit(context, input);
  }

  @Get('plan-versions/compare')
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'What was added, removed and changed between two versions or the draft',
  })
  @ApiOkResponse({ type: PlanDiffDto })
  @ApiProblems(400, 401, 403, 404)
  compare(@InOrganisation() context: OrganisationContext, @Query() query: CompareQueryDto) {
    return this.versions.compare(context, query.from, query.to);
  }

  @Get('plan-versions/:number')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A version of the plan as it was submitted' })
  @ApiOkResponse({ type: PlanVersionDetailDto })
  @ApiProblems(400, 401, 403, 404)
  getVersion(
    @InOrganisation() context: OrganisationContext,
    @Param('number', versionNumber) number: WholeNumber,
  ) {
    return this.versions.get(context, number);
  }

  @Post('plan-versions/:number/approve')
  @Requires('plan.approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a submitted version: frozen from then on' })
  @ApiOkResponse({ type: PlanVersionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(
    @InOrganisation() context: OrganisationContext,
    @Param('number', versionNumber) number: WholeNumber,
    @Body() input: DecidePlanDto,
  ) {
    return this.versions.decide(context, number, 'approved', input);
  }

  @Post('plan-versions/:number/reject')
  @Requires('plan.approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a submitted version, saying why' })
  @ApiOkResponse({ type: PlanVersionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(
    @InOrganisation() context: OrganisationContext,
    @Param('number', versionNumber) number: WholeNumber,
    @Body() input: DecidePlanDto,
  ) {
    return this.versions.decide(context, number, 'rejected', input);
  }
}
