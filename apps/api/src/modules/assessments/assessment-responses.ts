import { HttpStatus } from '@nestjs/common';
import { answerProblem, hasEvidence } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import {
  type FieldError,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import {
  AssessmentAnswerEntity,
  type AssessmentEntity,
  AssessmentResponseEntity,
  type AssessmentRespondentEntity,
  TemplateQuestionEntity,
} from './assessment.entity';
import { compactEvidence, evidenceOf } from './assessment-answers';
import type { MyResponseDto, SaveResponseDto } from './dto/assessment.dto';

/**
 * Saving and submitting a respondent's answers, the same for a member answering in the app and for
 * a manager answering through a response link. The caller has locked the assessment row.
 */
export async function saveDraft(
  manager: EntityManager,
  assessment: AssessmentEntity,
  respondent: AssessmentRespondentEntity,
  input: SaveResponseDto,
): Promise<void> {
  refuseClosed(assessment);
  const questions = await manager.findBy(TemplateQuestionEntity, {
    templateId: assessment.templateId,
  });
  refuseBadAnswers(input, questions);
  let response = await manager.findOneBy(AssessmentResponseEntity, {
    respondentId: respondent.id,
  });
  if (response?.status === 'submitted') {
    throw new RuleProblem(
      'Already submitted',
      'This response has been submitted; it no longer changes.',
    );
  }
  response ??= await manager.save(
    manager.create(AssessmentResponseEntity, {
      organisationId: assessment.organisationId,
      assessmentId: assessment.id,
      respondentId: respondent.id,
      respondentUserId: respondent.userId,
    }),
  );
  await manager.delete(AssessmentAnswerEntity, { responseId: response.id });
  if (input.answers.length > 0) {
    await manager.insert(
      AssessmentAnswerEntity,
      input.answers.map((answer) => ({
        organisationId: assessment.organisationId,
        responseId: response.id,
        questionId: answer.questionId,
        value: answer.value as object,
        evidenceText: answer.evidence?.text?.trim() || null,
        evidenceUrl: answer.evidence?.url?.trim() || null,
        evidenceFigure:
          typeof answer.evidence?.figure === 'number' ? String(answer.evidence.figure) : null,
      })),
    );
  }
  response.version += 1;
  await manager.save(response);
}

/** Submits the draft; every answer to a question that asks for evidence must carry some. */
export async function submitDraft(
  manager: EntityManager,
  assessment: AssessmentEntity,
  respondent: AssessmentRespondentEntity,
): Promise<void> {
  refuseClosed(assessment);
  const response = await manager.findOneBy(AssessmentResponseEntity, {
    respondentId: respondent.id,
  });
  if (!response) throw new RuleProblem('Nothing to submit', 'Save your answers first.');
  if (response.status === 'submitted') {
    throw new RuleProblem('Already submitted', 'This response has been submitted already.');
  }
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
}

/** A respondent's response as they see it: draft or submitted, with their answers. */
export async function responseOf(
  manager: EntityManager,
  respondentId: string,
): Promise<MyResponseDto | null> {
  const response = await manager.findOneBy(AssessmentResponseEntity, { respondentId });
  if (!response) return null;
  const answers = await manager.findBy(AssessmentAnswerEntity, { responseId: response.id });
  return {
    status: response.status,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    answers: answers.map((answer) => ({
      questionId: answer.questionId,
      value: answer.value,
      evidence: compactEvidence(answer),
    })),
  };
}

export function refuseClosed(assessment: AssessmentEntity): void {
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
