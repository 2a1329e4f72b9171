import { baselineValue } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import { BaselineFigureEntity, type AssessmentEntity } from './assessment.entity';
import type { BaselineFigureDto } from './dto/respondents.dto';

/**
 * When an assessment closes, each of its number questions that someone answered (followers,
 * posts a month, reviews...) becomes a baseline figure dated on the closing day, which the plan's
 * KPIs can then take as their baseline.
 */
export async function recordBaselineFigures(
  manager: EntityManager,
  assessment: AssessmentEntity,
): Promise<void> {
  const rows: {
    questionId: string;
    prompt: string;
    dimension: string;
    unit: string | null;
    values: number[];
  }[] = await manager.query(
    `SELECT q.id AS "questionId", q.prompt, q.dimension, q.unit,
            array_agg((a.value #>> '{}')::numeric ORDER BY a.id)::float8[] AS values
       FROM template_questions q
       JOIN assessment_answers a ON a.question_id = q.id
       JOIN assessment_responses r ON r.id = a.response_id
      WHERE r.assessment_id = $1 AND r.status = 'submitted' AND q.kind = 'number'
      GROUP BY q.id, q.prompt, q.dimension, q.unit, q.position
      ORDER BY q.position`,
    [assessment.id],
  );
  const measuredOn = (assessment.closedAt ?? new Date()).toISOString().slice(0, 10);
  for (const row of rows) {
    const value = baselineValue(row.values);
    if (value === null) continue;
    await manager.insert(BaselineFigureEntity, {
      organisationId: assessment.organisationId,
      cycleId: assessment.cycleId,
      assessmentId: assessment.id,
      questionId: row.questionId,
      name: row.prompt,
      dimension: row.dimension,
      unit: row.unit,
      value,
      measuredOn,
      respondents: row.values.length,
    });
  }
}

export function toBaselineFigureDto(figure: BaselineFigureEntity): BaselineFigureDto {
  return {
    id: figure.id,
    cycleId: figure.cycleId,
    assessmentId: figure.assessmentId,
    questionId: figure.questionId,
    name: figure.name,
    dimension: figure.dimension,
    unit: figure.unit,
    value: Number(figure.value),
    measuredOn: figure.measuredOn,
    respondents: figure.respondents,
  };
}
