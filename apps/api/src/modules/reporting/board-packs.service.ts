import { HttpStatus, Injectable } from '@nestjs/common';
import { can, kpiMovements, packDateProblem } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  NotFoundProblem,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { CycleEntity } from '../cycles/cycle.entity';
import { BoardPackEntity } from './board-pack.entity';
import { packContent } from './board-pack-content';
import type {
  BoardPackComparisonDto,
  BoardPackDto,
  BoardPackSummaryDto,
  CreateBoardPackDto,
  UpdateBoardPackDto,
} from './dto/board-pack.dto';
import { peopleNames } from './report-kpis';

/**
 * Board packs (BRIEF, "Reviews and board packs"): a draft shows the live figures as of its date;
 * publishing stores them, and the database refuses any later change (migration board-packs).
 * Drafts are the leadership's working documents: only those who manage packs see them, and to
 * everyone else a draft's id answers 404, as a missing one does.
 */
@Injectable()
export class BoardPacksService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext): Promise<BoardPackSummaryDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const packs = await manager.find(BoardPackEntity, {
        where: {
          organisationId: context.organisationId,
          ...(seesDrafts(context) ? {} : { status: 'published' as const }),
        },
        order: { asOf: 'DESC', createdAt: 'DESC' },
        select: summaryColumns,
      });
      return summaries(manager, packs);
    });
  }

  get(context: OrganisationContext, id: string): Promise<BoardPackDto> {
    return this.scoped.inOrganisation(context, (manager) => this.read(manager, context, id));
  }

  create(context: OrganisationContext, input: CreateBoardPackDto): Promise<BoardPackDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const cycle = await manager.findOneBy(CycleEntity, {
        id: input.cycleId,
        organisationId: context.organisationId,
      });
      if (!cycle) {
        throw new ValidationProblem([
          { field: 'cycleId', reason: 'is not a strategy cycle of this organisation' },
        ]);
      }
      const problem = packDateProblem(cycle, input.asOf);
      if (problem) throw new ValidationProblem([{ field: 'asOf', reason: problem }]);
      const pack = await manager.save(
        manager.create(BoardPackEntity, {
          organisationId: context.organisationId,
          cycleId: cycle.id,
          title: input.title,
          asOf: input.asOf,
          createdByUserId: context.principal.userId ?? null,
        }),
      );
      return this.read(manager, context, pack.id);
    });
  }

  update(
    context: OrganisationContext,
    id: string,
    input: UpdateBoardPackDto,
  ): Promise<BoardPackDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const pack = await lockRecord(
        manager,
        BoardPackEntity,
        context.organisationId,
        id,
        'board pack',
      );
      refusePublished(pack, 'Its commentary cannot change');
      await refuseStaleVersion(pack, input.version, 'board pack', () =>
        this.read(manager, context, id),
      );
      if (input.commentary.summary !== undefined) pack.summary = input.commentary.summary;
      if (input.commentary.decisions !== undefined) pack.decisions = input.commentary.decisions;
      pack.version += 1;
      await manager.save(pack);
      return this.read(manager, context, id);
    });
  }

  publish(context: OrganisationContext, id: string): Promise<BoardPackDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const pack = await lockRecord(
        manager,
        BoardPackEntity,
        context.organisationId,
        id,
        'board pack',
      );
      refusePublished(pack, 'It was published already');
      const cycle = await manager.findOneByOrFail(CycleEntity, { id: pack.cycleId });
      pack.content = await packContent(manager, context.organisationId, cycle, pack.asOf);
      pack.status = 'published';
      pack.publishedAt = new Date();
      pack.publishedByUserId = context.principal.userId ?? null;
      pack.version += 1;
      await manager.save(pack);
      return this.read(manager, context, id);
    });
  }

  delete(context: OrganisationContext, id: string): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const pack = await lockRecord(
        manager,
        BoardPackEntity,
        context.organisationId,
        id,
        'board pack',
      );
      refusePublished(pack, 'A published pack is kept as the record of what the board saw');
      await manager.remove(pack);
    });
  }

  /** What moved since the latest pack published before this one (by as-of date). */
  compare(context: OrganisationContext, id: string): Promise<BoardPackComparisonDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const pack = await this.read(manager, context, id);
      const [previousRow]: { id: string }[] = await manager.query(
        `SELECT id FROM board_packs
          WHERE organisation_id = $1 AND status = 'published' AND id <> $2
            AND (as_of, published_at) < ($3::date, coalesce($4::timestamptz, 'infinity'))
          ORDER BY as_of DESC, published_at DESC LIMIT 1`,
        [context.organisationId, id, pack.asOf, pack.publishedAt],
      );
      if (!previousRow) return { pack: summaryOf(pack), previous: null, kpis: [] };
      const previous = await this.read(manager, context, previousRow.id);
      return {
        pack: summaryOf(pack),
        previous: summaryOf(previous),
        roi: { before: previous.content.roi.totals, after: pack.content.roi.totals },
        kpis: kpiMovements(
          previous.content.kpis,
          pack.content.kpis,
        ) as BoardPackComparisonDto['kpis'],
        milestonesDelivered: {
          before: previous.content.milestones.delivered.length,
          after: pack.content.milestones.delivered.length,
        },
        milestonesMissed: {
          before: previous.content.milestones.missed.length,
          after: pack.content.milestones.missed.length,
        },
      };
    });
  }

  /** The pack a published export or a share link reads: 409 while it is a draft. */
  async published(context: OrganisationContext, id: string): Promise<BoardPackDto> {
    const pack = await this.get(context, id);
    if (pack.status !== 'published') {
      throw new RuleProblem(
        'Not published yet',
        'Publish the pack first: its exports hold the figures frozen at publication.',
      );
    }
    return pack;
  }

  /** A pack as the caller may see it; a draft is computed live as of its date. */
  async read(
    manager: EntityManager,
    context: { organisationId: string; role?: OrganisationContext['role'] },
    id: string,
  ): Promise<BoardPackDto> {
    const pack = await manager.findOneBy(BoardPackEntity, {
      id,
      organisationId: context.organisationId,
    });
    if (!pack || (pack.status === 'draft' && !seesDrafts(context))) {
      throw new NotFoundProblem('board pack', id);
    }
    return packDto(manager, pack);
  }
}

export async function packDto(
  manager: EntityManager,
  pack: BoardPackEntity,
): Promise<BoardPackDto> {
  const [summary] = await summaries(manager, [pack]);
  let content = pack.content;
  if (!content) {
    const cycle = await manager.findOneByOrFail(CycleEntity, { id: pack.cycleId });
    content = await packContent(manager, pack.organisationId, cycle, pack.asOf);
  }
  return {
    ...(summary as BoardPackSummaryDto),
    commentary: { summary: pack.summary, decisions: pack.decisions },
    content,
  };
}

const summaryColumns = {
  id: true,
  organisationId: true,
  cycleId: true,
  title: true,
  asOf: true,
  status: true,
  publishedAt: true,
  publishedByUserId: true,
  createdByUserId: true,
  createdAt: true,
  version: true,
} as const;

async function summaries(
  manager: EntityManager,
  packs: BoardPackEntity[],
): Promise<BoardPackSummaryDto[]> {
  const names = await peopleNames(
    manager,
    packs
      .flatMap((pack) => [pack.publishedByUserId, pack.createdByUserId])
      .filter((userId): userId is string => userId !== null),
  );
  const cycleIds = [...new Set(packs.map((pack) => pack.cycleId))];
  const cycles: { id: string; name: string }[] = cycleIds.length
    ? await manager.query(`SELECT id, name FROM cycles WHERE id = ANY($1::uuid[])`, [cycleIds])
    : [];
  const cycleNames = new Map(cycles.map((cycle) => [cycle.id, cycle.name]));
  return packs.map((pack) => ({
    id: pack.id,
    cycleId: pack.cycleId,
    cycleName: cycleNames.get(pack.cycleId) ?? '',
    title: pack.title,
    asOf: pack.asOf,
    status: pack.status,
    publishedAt: pack.publishedAt?.toISOString() ?? null,
    publishedByName: pack.publishedByUserId ? (names.get(pack.publishedByUserId) ?? null) : null,
    createdByName: pack.createdByUserId ? (names.get(pack.createdByUserId) ?? null) : null,
    createdAt: pack.createdAt.toISOString(),
    version: pack.version,
  }));
}

function summaryOf(pack: BoardPackDto): BoardPackSummaryDto {
  const { id, cycleId, cycleName, title, asOf, status, publishedAt, version } = pack;
  const { publishedByName, createdByName, createdAt } = pack;
  return {
    id,
    cycleId,
    cycleName,
    title,
    asOf,
    status,
    publishedAt,
    publishedByName,
    createdByName,
    createdAt,
    version,
  };
}

function seesDrafts(context: { role?: OrganisationContext['role'] }): boolean {
  return context.role !== undefined && can(context.role, 'board-packs.manage');
}

function refusePublished(pack: BoardPackEntity, consequence: string): void {
  if (pack.status === 'published') {
    throw new RuleProblem(
      'Pack published',
      `This board pack is published and frozen. ${consequence}.`,
      HttpStatus.CONFLICT,
    );
  }
}
