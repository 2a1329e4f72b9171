import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { NotFoundProblem } from '../../common/problem-details/problem';
import { lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type {
  CommentDto,
  CommentsQueryDto,
  CreateCommentDto,
  ResolveCommentDto,
} from './dto/collaboration.dto';
import { namesOf } from '../accounts/names-of';
import {
  type CommentSubject,
  KpiEntity,
  ObjectiveEntity,
  OutcomeEntity,
  PlanCommentEntity,
} from './plan.entity';

const SUBJECTS = { outcome: OutcomeEntity, objective: ObjectiveEntity, kpi: KpiEntity } as const;

/**
 * Stakeholder challenge: questions and challenges on outcomes, objectives and KPIs stay open until
 * someone resolves them, and the plan shows how many remain.
 */
@Injectable()
export class CommentsService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext, query: CommentsQueryDto): Promise<CommentDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const comments = await manager.find(PlanCommentEntity, {
        where: {
          organisationId: context.organisationId,
          ...(query.subjectType ? { subjectType: query.subjectType } : {}),
          ...(query.subjectId ? { subjectId: query.subjectId } : {}),
          ...(query.open ? { resolvedAt: IsNull() } : {}),
        },
        order: { createdAt: 'ASC' },
      });
      const visible = query.open
        ? comments.filter((comment) => comment.kind !== 'comment')
        : comments;
      return commentDtos(manager, visible);
    });
  }

  create(context: OrganisationContext, input: CreateCommentDto): Promise<CommentDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await requireSubject(manager, context.organisationId, input.subjectType, input.subjectId);
      const comment = await manager.save(
        manager.create(PlanCommentEntity, {
          organisationId: context.organisationId,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          kind: input.kind,
          body: input.body,
          authorUserId: context.principal.userId ?? null,
        }),
      );
      return (await commentDtos(manager, [comment]))[0]!;
    });
  }

  resolve(context: OrganisationContext, id: string, input: ResolveCommentDto): Promise<CommentDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const comment = await lockRecord(
        manager,
        PlanCommentEntity,
        context.organisationId,
        id,
        'comment',
      );
      await refuseStaleVersion(
        comment,
        input.version,
        'comment',
        async () => (await commentDtos(manager, [comment]))[0],
      );
      Object.assign(comment, {
        resolvedAt: input.resolved ? new Date() : null,
        resolvedByUserId: input.resolved ? (context.principal.userId ?? null) : null,
        resolution: input.resolved ? (input.resolution?.trim() ?? null) : null,
        version: comment.version + 1,
      });
      await manager.save(comment);
      return (await commentDtos(manager, [comment]))[0]!;
    });
  }
}

async function requireSubject(
  manager: EntityManager,
  organisationId: string,
  subjectType: CommentSubject,
  subjectId: string,
): Promise<void> {
  if (!(await manager.existsBy(SUBJECTS[subjectType], { id: subjectId, organisationId }))) {
    throw new NotFoundProblem(subjectType, subjectId);
  }
}

async function commentDtos(
  manager: EntityManager,
  comments: PlanCommentEntity[],
): Promise<CommentDto[]> {
  const names = await namesOf(
    manager,
    comments.flatMap((comment) => [comment.authorUserId, comment.resolvedByUserId]),
  );
  return comments.map((comment) => ({
    id: comment.id,
    subjectType: comment.subjectType,
    subjectId: comment.subjectId,
    kind: comment.kind,
    body: comment.body,
    authorUserId: comment.authorUserId,
    authorName: comment.authorUserId ? (names.get(comment.authorUserId) ?? '') : 'API key',
    resolved: comment.resolvedAt !== null,
    resolution: comment.resolution,
    resolvedByName: comment.resolvedByUserId ? (names.get(comment.resolvedByUserId) ?? '') : null,
    createdAt: comment.createdAt.toISOString(),
    version: comment.version,
  }));
}
