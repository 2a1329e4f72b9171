import { HttpStatus, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import {
  answerProblem,
  beliefGap,
  evidenceShare,
  hasEvidence,
  MATURITY_STAGES,
  ratingSpread,
  scoreAssessment,
} from '@roi/domain';
import { In, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  type FieldError,
  NotFoundProblem,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { CycleEntity } from '../cycles/cycle.entity';
import {
  AssessmentAnswerEntity,
  AssessmentEntity,
  AssessmentResponseEntity,
  AssessmentTemplateEntity,
  FindingEntity,
  TemplateQuestionEntity,
} from './assessment.entity';
import { UserEntity } from '../accounts/user.entity';
import type {
  AssessmentDto,
  AssessmentSummaryDto,
  CreateFindingDto,
  FindingDto,
  SubmittedAnswerDto,
  CreateAssessmentDto,
  MyResponseDto,
  QuestionDto,
  ResultsDto,
  SaveResponseDto,
  TemplateDto,
} from './dto/assessment.dto';

@Injectable()
export class AssessmentsService {
  constructor(private readonly scoped: ScopedDatabase) {}

  /** The built-in templates and the organisation's own, each with its questions. */
  templates(context: OrganisationContext): Promise<TemplateDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const templates = await manager.find(AssessmentTemplateEntity, {
        order: { name: 'ASC', version: 'DESC' },
      });
      const questions = await manager.find(TemplateQuestionEntity, {
        where: { templateId: In(templates.map((template) => template.id)) },
        order: { position: 'ASC' },
      });
      return templates.map((template) => ({
        id: template.id,
        key: template.key,
        name: template.name,
        description: template.description,
        version: template.version,
        builtIn: template.organisationId === null,
        questions: questions
          .filter((question) => question.templateId === template.id)
          .map(toQuestionDto),
      }));
    });
  }

  create(context: OrganisationContext, input: CreateAssessmentDto): Promise<AssessmentDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      if (
        !(await manager.existsBy(CycleEntity, {
          id: input.cycleId,
          organisationId: context.organisationId,
        }))
      ) {
        throw new NotFoundProblem('cycle', input.cycleId);
      }
      // Row-level security shows built-in templates and this organisation's own only.
      if (!(await manager.existsBy(AssessmentTemplateEntity, { id: input.templateId }))) {
        throw new NotFoundProblem('template', input.templateId);
      }
      const assessment = await manager.save(
        manager.create(AssessmentEntity, {
          organisationId: context.organisationId,
          cycleId: input.cycleId,
          templateId: input.templateId,
          title: input.title,
          deadline: input.deadline ?? null,
        }),
      );
      return this.load(manager, context, assessment.id);
    });
  }

  /** One query for the whole list: each assessment with its template's key and submissions. */
  list(context: OrganisationContext): Promise<AssessmentSummaryDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const rows: (Omit<AssessmentSummaryDto, 'submitted'> & { submitted: string })[] =
        await manager.query(
          `SELECT a.id, a.cycle_id AS "cycleId", a.template_id AS "templateId", t.key AS "templateKey",
                  a.title, a.status, a.deadline::text AS deadline,
                  (SELECT count(*) FROM assessment_responses r
                    WHERE r.assessment_id = a.id AND r.status = 'submitted') AS submitted
             FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
            WHERE a.organisation_id = $1
            ORDER BY a.created_at DESC`,
          [context.organisationId],
        );
      return rows.map((row) => ({ ...row, submitted: Number(row.submitted) }));
    });
  }

  get(context: OrganisationContext, assessmentId: string): Promise<AssessmentDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      this.load(manager, context, assessmentId),
    );
  }

  /** Replaces the caller's draft with these answers; refused once submitted or closed. */
  saveMyResponse(
    context: OrganisationContext,
    assessmentId: string,
    input: SaveResponseDto,
  ): Promise<AssessmentDto> {
    const respondentId = respondent(context);
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const questions = await manager.findBy(TemplateQuestionEntity, {
        templateId: assessment.templateId,
      });
      refuseBadAnswers(input, questions);
      let response = await manager.findOneBy(AssessmentResponseEntity, {
        assessmentId,
        respondentUserId: respondentId,
      });
      if (response?.status === 'submitted') {
        throw new RuleProblem(
          'Already submitted',
          'You have submitted your response; it no longer changes.',
        );
      }
      response ??= await manager.save(
        manager.create(AssessmentResponseEntity, {
          organisationId: context.organisationId,
          assessmentId,
          respondentUserId: respondentId,
        }),
      );
      await manager.delete(AssessmentAnswerEntity, { responseId: response.id });
      await manager.insert(
        AssessmentAnswerEntity,
        input.answers.map((answer) => ({
          organisationId: context.organisationId,
          responseId: response.id,
          questionId: answer.questionId,
          value: answer.value as object,
          evidenceText: answer.evidence?.text?.trim() || null,
          evidenceUrl: answer.evidence?.url?.trim() || null,
          evidenceFigure:
            typeof answer.evidence?.figure === 'number' ? String(answer.evidence.figure) : null,
        })),
      );
      response.version += 1;
      await manager.save(response);
      return this.load(manager, context, assessmentId);
    });
  }

  /** Submits the caller's draft; every answer to a question that asks for evidence must carry some. */
  submitMyResponse(context: OrganisationContext, assessmentId: string): Promise<AssessmentDto> {
    const respondentId = respondent(context);
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const response = await manager.findOneBy(AssessmentResponseEntity, {
        assessmentId,
        respondentUserId: respondentId,
      });
      if (!response) throw new RuleProblem('Nothing to submit', 'Save your answers first.');
      if (response.status === 'submitted')
        throw new RuleProblem('Already submitted', 'You have submitted already.');
      const answers = await manager.findBy(AssessmentAnswerEntity, { responseId: response.id });
      const questions = await manager.findBy(TemplateQuestionEntity, {
        templateId: assessment.templateId,
      });
      const unsupported = questions.filter(
        (question) =>
          question.evidenceRequired &&
          answers.some(
            (answer) => answer.questionId === question.id && !hasEvidence(evidenceOf(answer)),
          ),
      );
      if (unsupported.length > 0) {
        throw new RuleProblem(
          'Evidence needed',
          `Say on what evidence you answered: ${unsupported.map((question) => `“${question.prompt}”`).join('; ')}.`,
          HttpStatus.UNPROCESSABLE_ENTITY,
        );
      }
      Object.assign(response, {
        status: 'submitted',
        submittedAt: new Date(),
        version: response.version + 1,
      });
      await manager.save(response);
      return this.load(manager, context, assessmentId);
    });
  }

  close(context: OrganisationContext, assessmentId: string): Promise<AssessmentDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      Object.assign(assessment, {
        status: 'closed',
        closedAt: new Date(),
        version: assessment.version + 1,
      });
      await manager.save(assessment);
      return this.load(manager, context, assessmentId);
    });
  }

  /** The figures of the brief, from submitted responses only (drafts do not count). */
  results(context: OrganisationContext, assessmentId: string): Promise<ResultsDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId);
      const template = await manager.findOneByOrFail(AssessmentTemplateEntity, {
        id: assessment.templateId,
      });
      const questions = await manager.findBy(TemplateQuestionEntity, {
        templateId: assessment.templateId,
      });
      const responses = await manager.findBy(AssessmentResponseEntity, {
        assessmentId,
        status: 'submitted',
      });
      const answers = responses.length
        ? await manager.findBy(AssessmentAnswerEntity, {
            responseId: In(responses.map((response) => response.id)),
          })
        : [];
      const scale = new Set(
        questions.filter((question) => question.kind === 'scale').map((question) => question.id),
      );
      const ratings = answers.filter((answer) => scale.has(answer.questionId));
      const score = scoreAssessment(
        questions,
        ratings.map((answer) => ({ questionId: answer.questionId, value: answer.value as number })),
      );
      const pulse = template.key === 'leadership-pulse';
      return {
        ...score,
        stageName: score.stage ? MATURITY_STAGES[score.stage - 1] : null,
        evidenceShare: evidenceShare(
          answers.map((answer) => ({ hasEvidence: hasEvidence(evidenceOf(answer)) })),
        ),
        respondents: responses.length,
        ratingSpread: pulse ? ratingSpread(ratings.map((answer) => answer.value as number)) : null,
        beliefGap: pulse
          ? beliefGap(
              ratings.map((answer) => ({
                value: answer.value as number,
                hasEvidence: hasEvidence(evidenceOf(answer)),
              })),
            )
          : null,
      };
    });
  }

  findings(context: OrganisationContext, assessmentId: string): Promise<FindingDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findAssessment(manager, context, assessmentId);
      const findings = await manager.find(FindingEntity, {
        where: { assessmentId },
        order: { createdAt: 'ASC' },
      });
      return findings.map(toFindingDto);
    });
  }

  /** A finding rests on answers of the same assessment only. */
  addFinding(
    context: OrganisationContext,
    assessmentId: string,
    input: CreateFindingDto,
  ): Promise<FindingDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findAssessment(manager, context, assessmentId);
      const answerIds = [...new Set(input.answerIds ?? [])];
      if (answerIds.length > 0) {
        const found: { count: string }[] = await manager.query(
          `SELECT count(*) FROM assessment_answers a JOIN assessment_responses r ON r.id = a.response_id
            WHERE r.assessment_id = $1 AND a.id = ANY($2::uuid[])`,
          [assessmentId, answerIds],
        );
        if (Number(found[0]?.count) !== answerIds.length) {
          throw new ValidationProblem([
            { field: 'answerIds', reason: 'must be answers of this assessment' },
          ]);
        }
      }
      const finding = await manager.save(
        manager.create(FindingEntity, {
          organisationId: context.organisationId,
          assessmentId,
          title: input.title,
          dimension: input.dimension ?? null,
          severity: input.severity,
          text: input.text ?? '',
          answerIds,
        }),
      );
      return toFindingDto(finding);
    });
  }

  /** Every submitted answer with its id (for findings to cite) and its evidence. */
  answers(context: OrganisationContext, assessmentId: string): Promise<SubmittedAnswerDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findAssessment(manager, context, assessmentId);
      const responses = await manager.findBy(AssessmentResponseEntity, {
        assessmentId,
        status: 'submitted',
      });
      if (responses.length === 0) return [];
      const people = new Map(
        (
          await manager.findBy(UserEntity, {
            id: In(responses.map((response) => response.respondentUserId)),
          })
        ).map((person) => [person.id, person.name]),
      );
      const respondentOf = new Map(
        responses.map((response) => [response.id, people.get(response.respondentUserId) ?? '']),
      );
      const answers = await manager.findBy(AssessmentAnswerEntity, {
        responseId: In(responses.map((response) => response.id)),
      });
      return answers.map((answer) => ({
        id: answer.id,
        respondentName: respondentOf.get(answer.responseId) ?? '',
        questionId: answer.questionId,
        value: answer.value,
        evidence: compactEvidence(answer),
      }));
    });
  }

  /** The results as CSV: each dimension, then the overall score and stage. */
  async resultsCsv(context: OrganisationContext, assessmentId: string): Promise<string> {
    const results = await this.results(context, assessmentId);
    return stringify([
      ['dimension', 'score', 'questions_answered', 'questions'],
      ...results.dimensions.map((dimension) => [
        dimension.dimension,
        dimension.score ?? '',
        dimension.answered,
        dimension.questions,
      ]),
      ['overall', results.overallScore ?? '', '', ''],
      ['stage', results.stage ? `${results.stage} ${results.stageName}` : '', '', ''],
      ['evidence_share', results.evidenceShare ?? '', '', ''],
      ['respondents', results.respondents, '', ''],
    ]);
  }

  /** Every submitted answer with its evidence, one row each. */
  answersCsv(context: OrganisationContext, assessmentId: string): Promise<string> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findAssessment(manager, context, assessmentId);
      const rows = await manager
        .createQueryBuilder(AssessmentAnswerEntity, 'answer')
        .innerJoin(AssessmentResponseEntity, 'response', 'response.id = answer.response_id')
        .innerJoin(TemplateQuestionEntity, 'question', 'question.id = answer.question_id')
        .innerJoin(UserEntity, 'person', 'person.id = response.respondent_user_id')
        .select([
          'person.name AS respondent',
          'question.position AS position',
          'question.dimension AS dimension',
          'question.kind AS kind',
          'question.prompt AS prompt',
          'answer.value AS value',
          'answer.evidence_text AS evidence_text',
          'answer.evidence_url AS evidence_url',
          'answer.evidence_figure AS evidence_figure',
        ])
        .where("response.assessment_id = :assessmentId AND response.status = 'submitted'", {
          assessmentId,
        })
        .orderBy('person.name')
        .addOrderBy('question.position')
        .getRawMany<Record<string, unknown>>();
      return stringify([
        [
          'respondent',
          'question',
          'dimension',
          'kind',
          'answer',
          'evidence_text',
          'evidence_url',
          'evidence_figure',
        ],
        ...rows.map((row) => [
          row.respondent,
          row.prompt,
          row.dimension,
          row.kind,
          Array.isArray(row.value) ? (row.value as string[]).join('; ') : String(row.value),
          row.evidence_text ?? '',
          row.evidence_url ?? '',
          row.evidence_figure ?? '',
        ]),
      ]);
    });
  }

  private async load(
    manager: EntityManager,
    context: OrganisationContext,
    assessmentId: string,
  ): Promise<AssessmentDto> {
    const assessment = await findAssessment(manager, context, assessmentId);
    const template = await manager.findOneByOrFail(AssessmentTemplateEntity, {
      id: assessment.templateId,
    });
    const questions = await manager.find(TemplateQuestionEntity, {
      where: { templateId: assessment.templateId },
      order: { position: 'ASC' },
    });
    const submitted = await manager.countBy(AssessmentResponseEntity, {
      assessmentId,
      status: 'submitted',
    });
    const userId = context.principal.userId;
    const mine = userId
      ? await manager.findOneBy(AssessmentResponseEntity, {
          assessmentId,
          respondentUserId: userId,
        })
      : null;
    let myResponse: MyResponseDto | null = null;
    if (mine) {
      const answers = await manager.findBy(AssessmentAnswerEntity, { responseId: mine.id });
      myResponse = {
        status: mine.status,
        submittedAt: mine.submittedAt?.toISOString() ?? null,
        answers: answers.map((answer) => ({
          questionId: answer.questionId,
          value: answer.value,
          evidence: compactEvidence(answer),
        })),
      };
    }
    return {
      id: assessment.id,
      cycleId: assessment.cycleId,
      templateId: assessment.templateId,
      templateKey: template.key,
      title: assessment.title,
      status: assessment.status,
      deadline: assessment.deadline,
      submitted,
      questions: questions.map(toQuestionDto),
      myResponse,
    };
  }
}

/** The routes that call this are people-only (the guard refuses API keys). */
function respondent(context: OrganisationContext): string {
  const userId = context.principal.userId;
  if (!userId) throw new Error('assessment responses need a person: declare the route peopleOnly');
  return userId;
}

function refuseClosed(assessment: AssessmentEntity): void {
  if (assessment.status === 'closed') {
    throw new RuleProblem(
      'Assessment closed',
      'This assessment is closed: its answers no longer change.',
    );
  }
}

function refuseBadAnswers(input: SaveResponseDto, questions: TemplateQuestionEntity[]): void {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  input.answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (!question) {
      errors.push({
        field: `answers.${index}.questionId`,
        reason: "is not a question of this assessment's template",
      });
      return;
    }
    if (seen.has(answer.questionId)) {
      errors.push({ field: `answers.${index}.questionId`, reason: 'is answered twice' });
    }
    seen.add(answer.questionId);
    const problem = answerProblem(question, answer.value);
    if (problem) errors.push({ field: `answers.${index}.value`, reason: problem });
  });
  if (errors.length > 0) throw new ValidationProblem(errors);
}

async function findAssessment(
  manager: EntityManager,
  context: OrganisationContext,
  id: string,
  lock = false,
) {
  const assessment = await manager.findOne(AssessmentEntity, {
    where: { id, organisationId: context.organisationId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!assessment) throw new NotFoundProblem('assessment', id);
  return assessment;
}

function evidenceOf(answer: AssessmentAnswerEntity) {
  return {
    text: answer.evidenceText,
    url: answer.evidenceUrl,
    figure: answer.evidenceFigure === null ? null : Number(answer.evidenceFigure),
  };
}

function compactEvidence(answer: AssessmentAnswerEntity) {
  const evidence = evidenceOf(answer);
  if (!hasEvidence(evidence)) return undefined;
  return Object.fromEntries(Object.entries(evidence).filter(([, value]) => value !== null));
}

function toQuestionDto(question: TemplateQuestionEntity): QuestionDto {
  return {
    id: question.id,
    position: question.position,
    dimension: question.dimension,
    kind: question.kind,
    prompt: question.prompt,
    anchors: question.anchors,
    options: question.options,
    unit: question.unit,
    evidenceRequired: question.evidenceRequired,
  };
}

function toFindingDto(finding: FindingEntity): FindingDto {
  return {
    id: finding.id,
    assessmentId: finding.assessmentId,
    title: finding.title,
    dimension: finding.dimension,
    severity: finding.severity,
    text: finding.text,
    answerIds: finding.answerIds,
    createdAt: finding.createdAt.toISOString(),
  };
}
