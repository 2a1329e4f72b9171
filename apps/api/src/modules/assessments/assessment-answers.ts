import { hasEvidence } from '@roi/domain';
import type { AssessmentAnswerEntity } from './assessment.entity';

/** An answer's evidence as the domain reads it (the figure is stored exact, as numeric text). */
export function evidenceOf(answer: AssessmentAnswerEntity) {
  return {
    text: answer.evidenceText,
    url: answer.evidenceUrl,
    figure: answer.evidenceFigure === null ? null : Number(answer.evidenceFigure),
  };
}

/** The evidence without its empty parts, or undefined when there is none. */
export function compactEvidence(answer: AssessmentAnswerEntity) {
  const evidence = evidenceOf(answer);
  if (!hasEvidence(evidence)) return undefined;
  return Object.fromEntries(Object.entries(evidence).filter(([, value]) => value !== null));
}
