import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { compactEvidence } from './assessment-answers';
import { toQuestionDto } from './templates.service';
import { responseOf, refuseClosed, saveDraft, submitDraft } from './assessment-responses';
import { recordBaselineFigures } from './baseline-figures';
import { assessmentResults } from './assessment-results';
import { In, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { NotFoundProblem, ValidationProblem } from '../../common/problem-details/problem';
import { findRecord, lockRecord } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { CycleEntity } from '../cycles/cycle.entity';
import {
  AssessmentAnswerEntity,
  AssessmentEntity,
  AssessmentRespondentEntity,
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
  ResultsDto,
  SaveResponseDto,
} from './dto/assessment.dto';

@Injectable()
export class AssessmentsService {
  constructor(private readonly scoped: ScopedDatabase) {}

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
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      await saveDraft(
        manager,
        assessment,
        await memberRespondent(manager, context, assessment),
        input,
      );
      return this.load(manager, context, assessmentId);
    });
  }

  /** Submits the caller's draft; every answer to a question that asks for evidence must carry some. */
  submitMyResponse(context: OrganisationContext, assessmentId: string): Promise<AssessmentDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      await submitDraft(manager, assessment, await memberRespondent(manager, context, assessment));
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
      await recordBaselineFigures(manager, assessment);
      return this.load(manager, context, assessmentId);
    });
  }

  results(context: OrganisationContext, assessmentId: string): Promise<ResultsDto> {
    return this.scoped.inOrganisation(context, async (manager) =>
      assessmentResults(manager, await findAssessment(manager, context, assessmentId)),
    );
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
      const names = new Map(
        (
          await manager.findBy(AssessmentRespondentEntity, {
            id: In(responses.map((response) => response.respondentId)),
          })
        ).map((respondent) => [respondent.id, respondent.name]),
      );
      const respondentOf = new Map(
        responses.map((response) => [response.id, names.get(response.respondentId) ?? '']),
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
        .innerJoin(AssessmentRespondentEntity, 'person', 'person.id = response.respondent_id')
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
      ? await manager.findOneBy(AssessmentRespondentEntity, { assessmentId, userId })
      : null;
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
      myResponse: mine ? await responseOf(manager, mine.id) : null,
    };
  }
}

/**
 * The caller as a respondent: members need not be chosen in advance to answer, so the first save
 * adds them. The routes that call this are people-only (the guard refuses API keys).
 */
async function memberRespondent(
  manager: EntityManager,
  context: OrganisationContext,
  assessment: AssessmentEntity,
): Promise<AssessmentRespondentEntity> {
  const userId = context.principal.userId;
  if (!userId) throw new Error('assessment responses need a person: declare the route peopleOnly');
  const existing = await manager.findOneBy(AssessmentRespondentEntity, {
    assessmentId: assessment.id,
    userId,
  });
  if (existing) return existing;
  const person = await manager.findOneByOrFail(UserEntity, { id: userId });
  return manager.save(
    manager.create(AssessmentRespondentEntity, {
      organisationId: assessment.organisationId,
      assessmentId: assessment.id,
      userId,
      name: person.name,
      email: person.email,
    }),
  );
}

export function findAssessment(
  manager: EntityManager,
  context: OrganisationContext,
  id: string,
  lock = false,
): Promise<AssessmentEntity> {
  return (lock ? lockRecord : findRecord)(
    manager,
    AssessmentEntity,
    context.organisationId,
    id,
    'assessment',
  );
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
