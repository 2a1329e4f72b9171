import { HttpStatus, Injectable } from '@nestjs/common';
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
  TemplateQuestionEntity,
} from './assessment.entity';
import type {
  AssessmentDto,
  AssessmentSummaryDto,
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
