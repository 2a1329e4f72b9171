import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { normaliseEmail } from '@roi/domain';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  NotFoundProblem,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { hashToken, newToken } from '../../common/security/tokens';
import { ScopedDatabase, setScope } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import { MailService } from '../mail/mail.service';
import { MembershipEntity } from '../memberships/membership.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import {
  AssessmentEntity,
  AssessmentRespondentEntity,
  AssessmentResponseEntity,
  AssessmentTemplateEntity,
  BaselineFigureEntity,
  TemplateQuestionEntity,
} from './assessment.entity';
import { refuseClosed, responseOf, saveDraft, submitDraft } from './assessment-responses';
import { findAssessment } from './assessments.service';
import { toBaselineFigureDto } from './baseline-figures';
import type { SaveResponseDto } from './dto/assessment.dto';
import type {
  BaselineFigureDto,
  CreatedResponseLinkDto,
  CreateResponseLinkDto,
  ReminderDto,
  RespondentDto,
  ResponseLinkViewDto,
} from './dto/respondents.dto';
import { toQuestionDto } from './templates.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Who is asked to answer an assessment and who has: members chosen by the team, and senior
 * managers without an account, who answer once through a response link that expires.
 */
@Injectable()
export class RespondentsService {
  constructor(
    private readonly scoped: ScopedDatabase,
    private readonly mail: MailService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  list(context: OrganisationContext, assessmentId: string): Promise<RespondentDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findAssessment(manager, context, assessmentId);
      return respondentDtos(manager, assessmentId);
    });
  }

  /** Asks members to answer; members asked already stay as they are. */
  addMembers(
    context: OrganisationContext,
    assessmentId: string,
    userIds: string[],
  ): Promise<RespondentDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const wanted = [...new Set(userIds)];
      const members = await manager.find(MembershipEntity, {
        where: { organisationId: context.organisationId, userId: In(wanted) },
        relations: { user: true },
      });
      const found = new Set(members.map((member) => member.userId));
      const strangers = wanted.filter((id) => !found.has(id));
      if (strangers.length > 0) {
        throw new ValidationProblem(
          strangers.map((id) => ({
            field: `userIds.${userIds.indexOf(id)}`,
            reason: 'is not a member of this organisation',
          })),
        );
      }
      const asked = new Set(
        (
          await manager.findBy(AssessmentRespondentEntity, {
            assessmentId,
            userId: In(wanted),
          })
        ).map((respondent) => respondent.userId),
      );
      const fresh = members.filter((member) => !asked.has(member.userId));
      if (fresh.length > 0) {
        await manager.save(
          fresh.map((member) =>
            manager.create(AssessmentRespondentEntity, {
              organisationId: context.organisationId,
              assessmentId,
              userId: member.userId,
              name: member.user!.name,
              email: member.user!.email,
            }),
          ),
        );
      }
      return respondentDtos(manager, assessmentId);
    });
  }

  /** Removes a respondent who has not submitted (a submitted response is part of the record). */
  remove(context: OrganisationContext, assessmentId: string, respondentId: string) {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const respondent = await manager.findOneBy(AssessmentRespondentEntity, {
        id: respondentId,
        assessmentId,
      });
      if (!respondent) throw new NotFoundProblem('respondent', respondentId);
      if (
        await manager.existsBy(AssessmentResponseEntity, {
          respondentId,
          status: 'submitted',
        })
      ) {
        throw new RuleProblem(
          'Already answered',
          `${respondent.name} has submitted a response; it stays part of the assessment.`,
        );
      }
      await manager.remove(respondent);
    });
  }

  /**
   * A one-time link for someone without an account; the token is returned (and mailed, with an
   * email) once: only its hash is kept.
   */
  createLink(
    context: OrganisationContext,
    assessmentId: string,
    input: CreateResponseLinkDto,
    origin: string,
  ): Promise<CreatedResponseLinkDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const token = newToken();
      const respondent = await manager.save(
        manager.create(AssessmentRespondentEntity, {
          organisationId: context.organisationId,
          assessmentId,
          userId: null,
          name: input.name,
          email: input.email ? normaliseEmail(input.email) : null,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + (input.expiresInDays ?? 14) * DAY_MS),
        }),
      );
      const url = this.linkUrl(origin, token);
      if (respondent.email) {
        const organisation = await organisationOf(manager, assessment);
        await this.sendLink(manager, organisation, assessment, respondent, url, 'invitation');
      }
      return { ...toRespondentDto(respondent, null), token, url };
    });
  }

  /**
   * Reminds everyone asked who has not submitted. A link holder gets a fresh link, since only the
   * hash of the first one was kept; the old link stops working.
   */
  remind(context: OrganisationContext, assessmentId: string, origin: string): Promise<ReminderDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const assessment = await findAssessment(manager, context, assessmentId, true);
      refuseClosed(assessment);
      const respondents = await manager.findBy(AssessmentRespondentEntity, { assessmentId });
      const submitted = new Set(
        (await manager.findBy(AssessmentResponseEntity, { assessmentId, status: 'submitted' })).map(
          (response) => response.respondentId,
        ),
      );
      const organisation = await organisationOf(manager, assessment);
      const reminded: string[] = [];
      const withoutEmail: string[] = [];
      for (const respondent of respondents) {
        if (submitted.has(respondent.id)) continue;
        if (!respondent.email) {
          withoutEmail.push(respondent.name);
          continue;
        }
        let url = `${this.base(origin)}/organisations/${assessment.organisationId}/assessments/${assessment.id}`;
        if (respondent.userId === null) {
          const token = newToken();
          respondent.tokenHash = hashToken(token);
          respondent.expiresAt = new Date(
            Math.max(respondent.expiresAt?.getTime() ?? 0, Date.now() + 7 * DAY_MS),
          );
          url = this.linkUrl(origin, token);
        }
        respondent.lastRemindedAt = new Date();
        respondent.version += 1;
        await manager.save(respondent);
        await this.sendLink(manager, organisation, assessment, respondent, url, 'reminder');
        reminded.push(respondent.name);
      }
      return { reminded, withoutEmail };
    });
  }

  /** What the holder of a response link sees: the questions and their own draft. */
  viewLink(token: string): Promise<ResponseLinkViewDto> {
    return this.throughLink(token, false, linkView);
  }

  saveThroughLink(token: string, input: SaveResponseDto): Promise<ResponseLinkViewDto> {
    return this.throughLink(token, true, async (manager, respondent, assessment) => {
      await saveDraft(manager, assessment, respondent, input);
      return linkView(manager, respondent, assessment);
    });
  }

  /** Submitting uses the link up: it changes nothing afterwards. */
  submitThroughLink(token: string): Promise<ResponseLinkViewDto> {
    return this.throughLink(token, true, async (manager, respondent, assessment) => {
      await submitDraft(manager, assessment, respondent);
      return linkView(manager, respondent, assessment);
    });
  }

  baselineFigures(context: OrganisationContext, cycleId?: string): Promise<BaselineFigureDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const figures = await manager.find(BaselineFigureEntity, {
        where: { organisationId: context.organisationId, ...(cycleId ? { cycleId } : {}) },
        order: { measuredOn: 'DESC', name: 'ASC' },
      });
      return figures.map(toBaselineFigureDto);
    });
  }

  /**
   * Opens the link's respondent and assessment in the link's organisation. An unknown token is
   * 404; an expired or used one is 410 Gone, with nothing changed.
   */
  private throughLink<T>(
    token: string,
    writing: boolean,
    work: (
      manager: EntityManager,
      respondent: AssessmentRespondentEntity,
      assessment: AssessmentEntity,
    ) => Promise<T>,
  ): Promise<T> {
    const tokenHash = hashToken(token);
    return this.scoped.transaction({ responseLinkHash: tokenHash }, undefined, async (manager) => {
      const respondent = await manager.findOneBy(AssessmentRespondentEntity, {
        tokenHash,
        userId: IsNull(),
      });
      if (!respondent) throw new NotFoundProblem('response link', 'in this link');
      await setScope(manager, {
        organisationId: respondent.organisationId,
        responseLinkHash: tokenHash,
      });
      const assessment = await manager.findOneOrFail(AssessmentEntity, {
        where: { id: respondent.assessmentId },
        ...(writing ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (respondent.expiresAt!.getTime() <= Date.now()) {
        throw new RuleProblem(
          'Link expired',
          'This response link has expired: ask whoever sent it for a new one.',
          HttpStatus.GONE,
        );
      }
      if (
        writing &&
        (await manager.existsBy(AssessmentResponseEntity, {
          respondentId: respondent.id,
          status: 'submitted',
        }))
      ) {
        throw new RuleProblem(
          'Link already used',
          'This response link has been used to submit a response; it works once.',
          HttpStatus.GONE,
        );
      }
      return work(manager, respondent, assessment);
    });
  }

  private base(origin: string): string {
    return this.config.get('PUBLIC_URL', { infer: true }) ?? origin;
  }

  private linkUrl(origin: string, token: string): string {
    return `${this.base(origin)}/respond/${token}`;
  }

  private async sendLink(
    manager: EntityManager,
    organisation: OrganisationEntity,
    assessment: AssessmentEntity,
    respondent: AssessmentRespondentEntity,
    url: string,
    kind: 'invitation' | 'reminder',
  ): Promise<void> {
    const by = assessment.deadline ? ` by ${assessment.deadline}` : '';
    await this.mail.send(manager, {
      organisationId: assessment.organisationId,
      to: respondent.email!,
      subject:
        kind === 'reminder'
          ? `Reminder: ${assessment.title} (${organisation.name})`
          : `${organisation.name} asks for your view: ${assessment.title}`,
      text: [
        `Dear ${respondent.name},`,
        '',
        kind === 'reminder'
          ? `We have not yet received your answers to “${assessment.title}”. Please answer${by}.`
          : `${organisation.name} asks you to answer “${assessment.title}”${by}.`,
        '',
        `Answer here: ${url}`,
        ...(respondent.userId === null
          ? ['', `The link is yours alone; it works until ${respondent.expiresAt!.toUTCString()}.`]
          : []),
      ].join('\n'),
    });
  }
}

async function respondentDtos(
  manager: EntityManager,
  assessmentId: string,
): Promise<RespondentDto[]> {
  const respondents = await manager.find(AssessmentRespondentEntity, {
    where: { assessmentId },
    order: { createdAt: 'ASC', name: 'ASC' },
  });
  const responses = new Map(
    (await manager.findBy(AssessmentResponseEntity, { assessmentId })).map((response) => [
      response.respondentId,
      response,
    ]),
  );
  return respondents.map((respondent) =>
    toRespondentDto(respondent, responses.get(respondent.id) ?? null),
  );
}

function toRespondentDto(
  respondent: AssessmentRespondentEntity,
  response: AssessmentResponseEntity | null,
): RespondentDto {
  const submitted = response?.status === 'submitted';
  const link = respondent.userId === null;
  return {
    id: respondent.id,
    kind: link ? 'link' : 'member',
    userId: respondent.userId,
    name: respondent.name,
    email: respondent.email,
    responseStatus: response ? response.status : 'not_started',
    submittedAt: response?.submittedAt?.toISOString() ?? null,
    linkStatus: link
      ? submitted
        ? 'used'
        : respondent.expiresAt!.getTime() <= Date.now()
          ? 'expired'
          : 'active'
      : null,
    expiresAt: respondent.expiresAt?.toISOString() ?? null,
    lastRemindedAt: respondent.lastRemindedAt?.toISOString() ?? null,
  };
}

async function linkView(
  manager: EntityManager,
  respondent: AssessmentRespondentEntity,
  assessment: AssessmentEntity,
): Promise<ResponseLinkViewDto> {
  const organisation = await organisationOf(manager, assessment);
  const template = await manager.findOneByOrFail(AssessmentTemplateEntity, {
    id: assessment.templateId,
  });
  const questions = await manager.find(TemplateQuestionEntity, {
    where: { templateId: assessment.templateId },
    order: { position: 'ASC' },
  });
  return {
    organisationName: organisation.name,
    assessmentTitle: assessment.title,
    templateName: template.name,
    deadline: assessment.deadline,
    assessmentStatus: assessment.status,
    respondentName: respondent.name,
    expiresAt: respondent.expiresAt!.toISOString(),
    questions: questions.map(toQuestionDto),
    response: await responseOf(manager, respondent.id),
  };
}

function organisationOf(manager: EntityManager, assessment: AssessmentEntity) {
  return manager.findOneByOrFail(OrganisationEntity, { id: assessment.organisationId });
}
