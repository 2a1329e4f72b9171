import {
  beliefGap,
  evidenceCoverage,
  evidenceShare,
  hasEvidence,
  MATURITY_STAGES,
  ratingSpread,
  scoreAssessment,
} from '@roi/domain';
import { In, type EntityManager } from 'typeorm';
import {
  AssessmentAnswerEntity,
  AssessmentEntity,
  AssessmentResponseEntity,
  AssessmentTemplateEntity,
  TemplateQuestionEntity,
} from './assessment.entity';
import { evidenceOf } from './assessment-answers';
import type { PreviousResultsDto, ResultsDto } from './dto/assessment.dto';

/** The figures of the brief, from submitted responses only (drafts do not count). */
export async function assessmentResults(
  manager: EntityManager,
  assessment: AssessmentEntity,
): Promise<ResultsDto> {
  const template = await manager.findOneByOrFail(AssessmentTemplateEntity, {
    id: assessment.templateId,
  });
  const { score, questions, answers, ratings, respondents } = await scored(manager, assessment);
  const dimensionOf = new Map(questions.map((question) => [question.id, question.dimension]));
  const positionOf = new Map(questions.map((question) => [question.id, question.position]));
  const pulse = template.key === 'leadership-pulse';
  return {
    ...score,
    stageName: stageName(score.stage),
    evidenceShare: evidenceShare(
      answers.map((answer) => ({ hasEvidence: hasEvidence(evidenceOf(answer)) })),
    ),
    // In the template's order of questions, so dimensions read as the template lays them out.
    evidenceCoverage: evidenceCoverage(
      [...answers]
        .sort((a, b) => (positionOf.get(a.questionId) ?? 0) - (positionOf.get(b.questionId) ?? 0))
        .map((answer) => ({
          dimension: dimensionOf.get(answer.questionId) ?? '',
          hasEvidence: hasEvidence(evidenceOf(answer)),
        })),
    ),
    respondents,
    ratingSpread: pulse ? ratingSpread(ratings.map((answer) => answer.value as number)) : null,
    beliefGap: pulse
      ? beliefGap(
          ratings.map((answer) => ({
            value: answer.value as number,
            hasEvidence: hasEvidence(evidenceOf(answer)),
          })),
        )
      : null,
    previous: await previousResults(manager, assessment, template.key),
  };
}

async function scored(manager: EntityManager, assessment: AssessmentEntity) {
  const questions = await manager.findBy(TemplateQuestionEntity, {
    templateId: assessment.templateId,
  });
  const responses = await manager.findBy(AssessmentResponseEntity, {
    assessmentId: assessment.id,
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
  return { score, questions, answers, ratings, respondents: responses.length };
}

/**
 * The same template's closed assessment in the cycle before this one, so the radar can show this
 * cycle against the previous: the cycle it was started from, or else the latest one that began
 * before it.
 */
async function previousResults(
  manager: EntityManager,
  assessment: AssessmentEntity,
  templateKey: string,
): Promise<PreviousResultsDto | null> {
  const rows: { id: string; cycleName: string }[] = await manager.query(
    `SELECT a.id, c.name AS "cycleName"
       FROM cycles this
       JOIN cycles c ON c.organisation_id = this.organisation_id
        AND c.id = COALESCE(this.previous_cycle_id, (
              SELECT p.id FROM cycles p
               WHERE p.organisation_id = this.organisation_id AND p.starts_on < this.starts_on
               ORDER BY p.starts_on DESC LIMIT 1))
       JOIN assessments a ON a.cycle_id = c.id AND a.status = 'closed'
       JOIN assessment_templates t ON t.id = a.template_id AND t.key = $2
      WHERE this.id = $1
      ORDER BY a.closed_at DESC
      LIMIT 1`,
    [assessment.cycleId, templateKey],
  );
  const row = rows[0];
  if (!row) return null;
  const previous = await manager.findOneByOrFail(AssessmentEntity, { id: row.id });
  const { score } = await scored(manager, previous);
  return {
    assessmentId: previous.id,
    title: previous.title,
    cycleName: row.cycleName,
    overallScore: score.overallScore,
    stage: score.stage,
    stageName: stageName(score.stage),
    dimensions: score.dimensions.map(({ dimension, score: value }) => ({
      dimension,
      score: value,
    })),
  };
}

function stageName(stage: number | null): string | null {
  return stage ? (MATURITY_STAGES[stage - 1] ?? null) : null;
}
