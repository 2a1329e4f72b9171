import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { AssessmentsService } from './assessments.service';
import {
  AssessmentDto,
  AssessmentSummaryDto,
  CreateAssessmentDto,
  CreateFindingDto,
  FindingDto,
  ResultsDto,
  SaveResponseDto,
  SubmittedAnswerDto,
} from './dto/assessment.dto';

@ApiTags('assessments')
@Controller('organisations/:orgId')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post('assessments')
  @Idempotent()
  @Requires('assessments.manage')
  @ApiOperation({ summary: 'Start an assessment from a template within a cycle' })
  @ApiCreatedResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateAssessmentDto) {
    return this.assessments.create(context, input);
  }

  @Get('assessments')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Assessments, newest first' })
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext) {
    return this.assessments.list(context);
  }

  @Get('assessments/:assessmentId')
  @Requires('organisation.read')
  @ApiOperation({ summary: "An assessment, its questions and the caller's response" })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('assessmentId', uuidPipe) id: string) {
    return this.assessments.get(context, id);
  }

  @Put('assessments/:assessmentId/my-response')
  @Requires('assessments.respond', { peopleOnly: true })
  @ApiOperation({ summary: "Save the caller's draft answers (replaces the draft)" })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 413)
  save(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
    @Body() input: SaveResponseDto,
  ) {
    return this.assessments.saveMyResponse(context, id, input);
  }

  @Post('assessments/:assessmentId/my-response/submit')
  @Requires('assessments.respond', { peopleOnly: true })
  @HttpCode(200)
  @ApiOperation({ summary: "Submit the caller's response; it no longer changes" })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  submit(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.submitMyResponse(context, id);
  }

  @Post('assessments/:assessmentId/close')
  @Requires('assessments.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the assessment: no answer changes after this' })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  close(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.close(context, id);
  }

  @Get('assessments/:assessmentId/results')
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Scores, stage, evidence share and, for the pulse, spread and belief gap',
  })
  @ApiOkResponse({ type: ResultsDto })
  @ApiProblems(400, 401, 403, 404)
  results(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.results(context, id);
  }

  @Get('assessments/:assessmentId/answers')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Every submitted answer, with its id and evidence' })
  @ApiOkResponse({ type: [SubmittedAnswerDto] })
  @ApiProblems(400, 401, 403, 404)
  answers(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.answers(context, id);
  }

  @Get('assessments/:assessmentId/findings')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Findings recorded against the assessment' })
  @ApiOkResponse({ type: [FindingDto] })
  @ApiProblems(400, 401, 403, 404)
  findings(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.findings(context, id);
  }

  @Post('assessments/:assessmentId/findings')
  @Idempotent()
  @Requires('assessments.manage')
  @ApiOperation({ summary: 'Record a finding, linked to the answers it rests on' })
  @ApiCreatedResponse({ type: FindingDto })
  @ApiProblems(400, 401, 403, 404)
  addFinding(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
    @Body() input: CreateFindingDto,
  ) {
    return this.assessments.addFinding(context, id, input);
  }

  @Get('assessments/:assessmentId/results.csv')
  @Requires('organisation.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="assessment-results.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The results as CSV' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404)
  resultsCsv(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.resultsCsv(context, id);
  }

  @Get('assessments/:assessmentId/answers.csv')
  @Requires('organisation.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="assessment-answers.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every submitted answer with its evidence, as CSV' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404)
  answersCsv(
    @InOrganisation() context: OrganisationContext,
    @Param('assessmentId', uuidPipe) id: string,
  ) {
    return this.assessments.answersCsv(context, id);
  }
}
