import { HttpStatus, Injectable } from '@nestjs/common';
import { assignableRoles, isExternalRole, type Role } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  ForbiddenProblem,
  NotFoundProblem,
  RuleProblem,
  StaleVersionProblem,
} from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { ChangeRoleDto, MemberDto } from './dto/membership.dto';
import { MembershipEntity } from './membership.entity';

@Injectable()
export class MembershipsService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext): Promise<MemberDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const memberships = await manager.find(MembershipEntity, {
        where: { organisationId: context.organisationId },
        relations: { user: true },
        order: { createdAt: 'ASC' },
      });
      return memberships.map(toMemberDto);
    });
  }

  changeRole(
    context: OrganisationContext,
    membershipId: string,
    input: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const membership = await this.lockOrganisationAndFind(manager, context, membershipId);
      if (membership.version !== input.version) {
        throw new StaleVersionProblem('membership', toMemberDto(membership));
      }
      this.mayManage(context, membership.role, input.role);
      if (membership.role === 'owner' && input.role !== 'owner') {
        await refuseIfLastOwner(manager, context.organisationId, 'demoted');
      }
      membership.role = input.role;
      membership.version += 1;
      return toMemberDto(await manager.save(membership));
    });
  }

  remove(context: OrganisationContext, membershipId: string): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const membership = await this.lockOrganisationAndFind(manager, context, membershipId);
      this.mayManage(context, membership.role);
      if (membership.role === 'owner') {
        await refuseIfLastOwner(manager, context.organisationId, 'removed');
      }
      await manager.remove(membership);
    });
  }

  /** The caller leaves the organisation; its last owner cannot. */
  leave(context: OrganisationContext): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await lockOrganisation(manager, context.organisationId);
      const membership = await manager.findOne(MembershipEntity, {
        where: { organisationId: context.organisationId, userId: context.principal?.userId },
        relations: { user: true },
      });
      // The route is people-only and the guard found the caller's membership.
      if (!membership) throw new NotFoundProblem('membership', 'of the caller');
      if (membership.role === 'owner') {
        await refuseIfLastOwner(manager, context.organisationId, 'leave');
      }
      await manager.remove(membership);
    });
  }

  /** Nobody hands out, takes away or changes more than they hold (only owners touch owners). */
  private mayManage(context: OrganisationContext, currentRole: Role, newRole?: Role): void {
    const assignable = assignableRoles(context.role);
    if (!assignable.includes(currentRole) || (newRole && !assignable.includes(newRole))) {
      throw new ForbiddenProblem(`Only an owner can change or remove an owner, or make one.`);
    }
  }

  private async lockOrganisationAndFind(
    manager: EntityManager,
    context: OrganisationContext,
    membershipId: string,
  ): Promise<MembershipEntity> {
    // Membership changes of one organisation run one at a time, so two owners demoting each
    // other at once cannot leave it without an owner.
    await lockOrganisation(manager, context.organisationId);
    const membership = await manager.findOne(MembershipEntity, {
      where: { id: membershipId, organisationId: context.organisationId },
      relations: { user: true },
    });
    if (!membership) throw new NotFoundProblem('membership', membershipId);
    return membership;
  }
}

async function lockOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
}

async function refuseIfLastOwner(
  manager: EntityManager,
  organisationId: string,
  what: 'demoted' | 'removed' | 'leave',
): Promise<void> {
  const owners = await manager.countBy(MembershipEntity, { organisationId, role: 'owner' });
  if (owners <= 1) {
    throw new RuleProblem(
      'The last owner must stay',
      what === 'leave'
        ? 'You are the last owner: make someone else an owner before you leave.'
        : `The last owner cannot be ${what}: make someone else an owner first.`,
      HttpStatus.CONFLICT,
    );
  }
}

export function toMemberDto(membership: MembershipEntity): MemberDto {
  return {
    id: membership.id,
    userId: membership.userId,
    name: membership.user?.name ?? '',
    email: membership.user?.email ?? '',
    role: membership.role,
    external: isExternalRole(membership.role),
    version: membership.version,
    joinedAt: membership.createdAt.toISOString(),
  };
}
