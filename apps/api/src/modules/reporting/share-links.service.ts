import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Environment } from '../../config/environment';
import type { OrganisationContext } from '../../common/access/request-context';
import { NotFoundProblem, RuleProblem } from '../../common/problem-details/problem';
import { hashToken, newToken } from '../../common/security/tokens';
import { ScopedDatabase, setScope } from '../../common/tenancy/scoped-database';
import { BoardPackEntity, ShareLinkEntity } from './board-pack.entity';
import { packDto } from './board-packs.service';
import type {
  BoardPackDto,
  CreatedShareLinkDto,
  CreateShareLinkDto,
  ShareLinkDto,
} from './dto/board-pack.dto';
import { peopleNames } from './report-kpis';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Read-only links to a published pack for people without an account (a board member who never
 * signs in). Only the token's SHA-256 is stored; the token is shown once. Opening a link is
 * counted on the link, and so audited as a change of it.
 */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly scoped: ScopedDatabase,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  create(
    context: OrganisationContext,
    packId: string,
    input: CreateShareLinkDto,
    origin: string,
  ): Promise<CreatedShareLinkDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const pack = await findPack(manager, context.organisationId, packId);
      if (pack.status !== 'published') {
        throw new RuleProblem(
          'Not published yet',
          'Only a published pack can be shared: publish it first, so the link shows frozen figures.',
        );
      }
      const token = newToken();
      const link = await manager.save(
        manager.create(ShareLinkEntity, {
          organisationId: context.organisationId,
          boardPackId: pack.id,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
          createdByUserId: context.principal.userId ?? null,
        }),
      );
      const [dto] = await linkDtos(manager, [link]);
      const base = this.config.get('PUBLIC_URL', { infer: true }) ?? origin;
      return { ...(dto as ShareLinkDto), token, url: `${base}/shared/board-packs/${token}` };
    });
  }

  list(context: OrganisationContext, packId: string): Promise<ShareLinkDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findPack(manager, context.organisationId, packId);
      const links = await manager.find(ShareLinkEntity, {
        where: { organisationId: context.organisationId, boardPackId: packId },
        order: { createdAt: 'DESC' },
      });
      return linkDtos(manager, links);
    });
  }

  revoke(context: OrganisationContext, packId: string, linkId: string): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const link = await manager.findOne(ShareLinkEntity, {
        where: { id: linkId, organisationId: context.organisationId, boardPackId: packId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!link) throw new NotFoundProblem('share link', linkId);
      if (link.revokedAt) return;
      link.revokedAt = new Date();
      link.version += 1;
      await manager.save(link);
    });
  }

  /**
   * The pack a link opens: 404 for an unknown or revoked link (the same answer, so a revoked
   * link tells nothing), 410 Gone once it has expired.
   */
  open(token: string): Promise<BoardPackDto> {
    const tokenHash = hashToken(token);
    // An actor with no one behind it: the opening is audited as made without an account.
    return this.scoped.transaction({ shareLinkHash: tokenHash }, {}, async (manager) => {
      const link = await manager.findOne(ShareLinkEntity, {
        where: { tokenHash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!link || link.revokedAt) throw new NotFoundProblem('shared board pack', 'in this link');
      if (link.expiresAt.getTime() <= Date.now()) {
        throw new RuleProblem(
          'Link expired',
          'This link to a board pack has expired: ask whoever shared it for a new one.',
          HttpStatus.GONE,
        );
      }
      await setScope(manager, { organisationId: link.organisationId, shareLinkHash: tokenHash });
      link.openCount += 1;
      link.lastOpenedAt = new Date();
      link.version += 1;
      await manager.save(link);
      const pack = await manager.findOneByOrFail(BoardPackEntity, { id: link.boardPackId });
      return packDto(manager, pack);
    });
  }
}

async function findPack(
  manager: EntityManager,
  organisationId: string,
  id: string,
): Promise<BoardPackEntity> {
  const pack = await manager.findOne(BoardPackEntity, {
    where: { id, organisationId },
    select: { id: true, status: true, organisationId: true },
  });
  if (!pack) throw new NotFoundProblem('board pack', id);
  return pack;
}

async function linkDtos(manager: EntityManager, links: ShareLinkEntity[]): Promise<ShareLinkDto[]> {
  const names = await peopleNames(
    manager,
    links.map((link) => link.createdByUserId).filter((id): id is string => id !== null),
  );
  return links.map((link) => ({
    id: link.id,
    expiresAt: link.expiresAt.toISOString(),
    createdAt: link.createdAt.toISOString(),
    createdByName: link.createdByUserId ? (names.get(link.createdByUserId) ?? null) : null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastOpenedAt: link.lastOpenedAt?.toISOString() ?? null,
    openCount: link.openCount,
  }));
}
