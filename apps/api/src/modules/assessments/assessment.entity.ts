import type { QuestionKind } from '@roi/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Audited } from '../../common/audit/audited.decorator';

@Entity({ name: 'assessment_templates' })
export class AssessmentTemplateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ type: 'varchar', length: 64 }) key!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 1000 }) description!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'based_on_template_id', type: 'uuid', nullable: true }) basedOnTemplateId!:
    string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'template_questions' })
export class TemplateQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId!: string;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'varchar', length: 64 }) dimension!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: QuestionKind;
  @Column({ type: 'varchar', length: 500 }) prompt!: string;
  @Column({ type: 'jsonb', nullable: true }) anchors!: string[] | null;
  @Column({ type: 'jsonb', nullable: true }) options!: string[] | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) unit!: string | null;
  @Column({ name: 'evidence_required', type: 'boolean' }) evidenceRequired!: boolean;
}

@Audited({ type: 'assessment' })
@Entity({ name: 'assessments' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 8, default: 'open' }) status!: 'open' | 'closed';
  @Column({ type: 'date', nullable: true }) deadline!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'assessment_response' })
@Entity({ name: 'assessment_responses' })
export class AssessmentResponseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Column({ name: 'respondent_id', type: 'uuid' }) respondentId!: string;
  @Column({ name: 'respondent_user_id', type: 'uuid', nullable: true }) respondentUserId!:
    string | null;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: 'draft' | 'submitted';
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'assessment_answers' })
export class AssessmentAnswerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'response_id', type: 'uuid' }) responseId!: string;
  @Column({ name: 'question_id', type: 'uuid' }) questionId!: string;
  @Column({ type: 'jsonb' }) value!: unknown;
  @Column({ name: 'evidence_text', type: 'varchar', length: 2000, nullable: true }) evidenceText!:
    string | null;
  @Column({ name: 'evidence_url', type: 'varchar', length: 2000, nullable: true }) evidenceUrl!:
    string | null;
  // A figure quoted as evidence: kept exact as numeric, read back as text.
  @Column({ name: 'evidence_figure', type: 'numeric', nullable: true }) evidenceFigure!:
    string | null;
}

@Audited({ type: 'finding' })
@Entity({ name: 'findings' })
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) dimension!: string | null;
  @Column({ type: 'varchar', length: 8 }) severity!: 'low' | 'medium' | 'high';
  @Column({ type: 'varchar', length: 5000 }) text!: string;
  @Column({ name: 'answer_ids', type: 'uuid', array: true }) answerIds!: string[];
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Someone asked to answer: a member, or a person without an account holding a response link. */
@Audited({ type: 'assessment_respondent' })
@Entity({ name: 'assessment_respondents' })
export class AssessmentRespondentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  @Column({ name: 'token_hash', type: 'char', length: 64, nullable: true }) tokenHash!:
    string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'last_reminded_at', type: 'timestamptz', nullable: true })
  lastRemindedAt!: Date | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Audited({ type: 'baseline_figure' })
@Entity({ name: 'baseline_figures' })
export class BaselineFigureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Column({ name: 'question_id', type: 'uuid' }) questionId!: string;
  @Column({ type: 'varchar', length: 500 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) dimension!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) unit!: string | null;
  // Exact: numeric, read back as text.
  @Column({ type: 'numeric' }) value!: string;
  @Column({ name: 'measured_on', type: 'date' }) measuredOn!: string;
  @Column({ type: 'integer' }) respondents!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
