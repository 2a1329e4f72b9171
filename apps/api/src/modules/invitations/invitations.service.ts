import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { assignableRoles, normaliseEmail, ROLE_LABELS } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext, PersonContext } from '../../common/access/request-context';
import {
  ForbiddenProblem,
  NotFoundProblem,
  RuleProblem,
} from '../../common/problem-details/problem';
import { hashToken, newToken } from '../../common/security/tokens';
import { actorOf, ScopedDatabase, setScope } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import { UserEntity } from '../accounts/user.entity';
import { MailService } from '../mail/mail.service';
import { MembershipEntity } from '../memberships/membership.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type {
  AcceptedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
  InvitationStatus,
} from './dto/invitation.dto';
import { InvitationEntity } from './invitation.entity';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly scoped: ScopedDatabase,
    private readonly mail: MailService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  list(context: OrganisationContext): Promise<InvitationDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const invitations = await manager.find(InvitationEntity, {
        where: { organisationId: context.organisationId },
        order: { createdAt: 'DESC' },
      });
      return invitations.map(toInvitationDto);
    });
  }

  /** Invites by email with a role; the link goes out by mail, never in the answer. */
  create(
    context: OrganisationContext,
    input: CreateInvitationDto,
    origin: string,
  ): Promise<InvitationDto> {
    const email = normaliseEmail(input.email);
    if (!assignableRoles(context.role).includes(input.role)) {
      throw new ForbiddenProblem('Only an owner can invite an owner.');
    }
    return this.scoped.inOrganisation(context, async (manager) => {
      const alreadyMember = await manager
        .createQueryBuilder(MembershipEntity, 'membership')
        .innerJoin(UserEntity, 'person', 'person.id = membership.user_id')
        .where('membership.organisation_id = :organisationId AND person.email = :email', {
          organisationId: context.organisationId,
          email,
        })
        .getExists();
      if (alreadyMember) {
        throw new RuleProblem('Already a member', `${email} is already a member.`);
      }
      const pending = await manager
        .createQueryBuilder(InvitationEntity, 'invitation')
        .where('invitation.organisation_id = :organisationId AND invitation.email = :email', {
          organisationId: context.organisationId,
          email,
        })
        .andWhere('invitation.accepted_at IS NULL AND invitation.revoked_at IS NULL')
        .andWhere('invitation.expires_at > now()')
        .getExists();
      if (pending) {
        throw new RuleProblem(
          'Already invited',
          `${email} has a pending invitation: resend it instead.`,
        );
      }
      const token = newToken();
      const invitation = await manager.save(
        manager.create(InvitationEntity, {
          organisationId: context.organisationId,
          email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedByUserId: context.principal?.userId ?? null,
          expiresAt: this.expiry(),
        }),
      );
      await this.sendLink(manager, invitation, token, origin);
      return toInvitationDto(invitation);
    });
  }

  /** A new link (the old one stops working) and a new expiry, sent again. */
  resend(
    context: OrganisationContext,
    invitationId: string,
    origin: string,
  ): Promise<InvitationDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const invitation = await this.findPending(manager, context, invitationId);
      const token = newToken();
      invitation.tokenHash = hashToken(token);
      invitation.expiresAt = this.expiry();
      invitation.version += 1;
      await manager.save(invitation);
      await this.sendLink(manager, invitation, token, origin);
      return toInvitationDto(invitation);
    });
  }

  revoke(context: OrganisationContext, invitationId: string): Promise<InvitationDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const invitation = await this.findPending(manager, context, invitationId);
      invitation.revokedAt = new Date();
      invitation.version += 1;
      return toInvitationDto(await manager.save(invitation));
    });
  }

  /** What the link shows before accepting: which organisation, for whom, with which role. */
  preview(token: string): Promise<InvitationPreviewDto> {
    const tokenHash = hashToken(token);
    return this.scoped.transaction(
      { invitationTokenHash: tokenHash },
      undefined,
      async (manager) => {
        const invitation = await manager.findOneBy(InvitationEntity, { tokenHash });
        if (!invitation) throw new NotFoundProblem('invitation', 'in this link');
        const organisation = await manager.findOneByOrFail(OrganisationEntity, {
          id: invitation.organisationId,
        });
        return {
          organisationName: organisation.name,
          email: invitation.email,
          role: invitation.role,
          status: statusOf(invitation),
          expiresAt: invitation.expiresAt.toISOString(),
        };
      },
    );
  }

  /** The signed-in person whose email was invited joins with the invited role; once only. */
  accept(context: PersonContext, token: string): Promise<AcceptedInvitationDto> {
    const userId = context.principal.userId;
    const tokenHash = hashToken(token);
    return this.scoped.transaction(
      { invitationTokenHash: tokenHash, userId },
      actorOf(context),
      async (manager) => {
        const invitation = await manager.findOne(InvitationEntity, {
          where: { tokenHash },
          lock: { mode: 'pessimistic_write' },
        });
        if (!invitation) throw new NotFoundProblem('invitation', 'in this link');
        const status = statusOf(invitation);
        if (status !== 'pending') {
          throw new RuleProblem(
            `Invitation ${status}`,
            status === 'accepted'
              ? 'This invitation has already been used.'
              : `This invitation is ${status}: ask for a new one.`,
            HttpStatus.GONE,
          );
        }
        const user = await manager.findOneByOrFail(UserEntity, { id: userId });
        if (user.email !== invitation.email) {
          throw new ForbiddenProblem(
            `This invitation is for ${invitation.email}; you are signed in as ${user.email}.`,
          );
        }
        await setScope(manager, {
          organisationId: invitation.organisationId,
          userId,
          invitationTokenHash: tokenHash,
        });
        const existing = await manager.findOneBy(MembershipEntity, {
          organisationId: invitation.organisationId,
          userId,
        });
        if (!existing) {
          await manager.save(
            manager.create(MembershipEntity, {
              organisationId: invitation.organisationId,
              userId,
              role: invitation.role,
            }),
          );
        }
        invitation.acceptedAt = new Date();
        invitation.acceptedByUserId = userId;
        invitation.version += 1;
        await manager.save(invitation);
        return {
          organisationId: invitation.organisationId,
          role: existing?.role ?? invitation.role,
        };
      },
    );
  }

  private async findPending(
    manager: EntityManager,
    context: OrganisationContext,
    invitationId: string,
  ): Promise<InvitationEntity> {
    const invitation = await manager.findOneBy(InvitationEntity, {
      id: invitationId,
      organisationId: context.organisationId,
    });
    if (!invitation) throw new NotFoundProblem('invitation', invitationId);
    if (invitation.acceptedAt || invitation.revokedAt) {
      throw new RuleProblem(
        'Invitation closed',
        'This invitation was already accepted or revoked.',
      );
    }
    return invitation;
  }

  private expiry(): Date {
    const days = this.config.get('INVITATION_LIFETIME_DAYS', { infer: true });
    return new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  }

  private async sendLink(
    manager: EntityManager,
    invitation: InvitationEntity,
    token: string,
    origin: string,
  ): Promise<void> {
    const organisation = await manager.findOneByOrFail(OrganisationEntity, {
      id: invitation.organisationId,
    });
    const base = this.config.get('PUBLIC_URL', { infer: true }) ?? origin;
    await this.mail.send(manager, {
      organisationId: invitation.organisationId,
      to: invitation.email,
      subject: `You are invited to ${organisation.name} on the Return-on-Impact planner`,
      text: [
        `You are invited to join ${organisation.name} as ${ROLE_LABELS[invitation.role]}.`,
        '',
        `Accept the invitation: ${base}/invitations/${token}`,
        '',
        `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
      ].join('\n'),
    });
  }
}

export function statusOf(invitation: InvitationEntity): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

function toInvitationDto(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: statusOf(invitation),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
