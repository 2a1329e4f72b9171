import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext, PersonContext } from '../../common/access/request-context';
import { decodeCursor, encodeCursor, type PageQueryDto } from '../../common/pagination/cursor';
import { NotFoundProblem, StaleVersionProblem } from '../../common/problem-details/problem';
import { actorOf, ScopedDatabase } from '../../common/tenancy/scoped-database';
import { definedOnly } from '../../common/validation/defined-only';
import { MembershipEntity } from '../memberships/membership.entity';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationDto, type OrganisationPageDto } from './dto/organisation.dto';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationEntity } from './organisation.entity';

const DEFAULT_SETTINGS = {
  currency: 'EUR',
  fiscalYearStartMonth: 1,
  timeZone: 'UTC',
  locale: 'en-GB',
} as const;

@Injectable()
export class OrganisationsService {
  constructor(private readonly scoped: ScopedDatabase) {}

  /** Creates an organisation with the caller as its first owner. */
  async create(context: PersonContext, input: CreateOrganisationDto): Promise<OrganisationDto> {
    const userId = context.principal.userId;
    const id = randomUUID();
    return this.scoped.transaction(
      { organisationId: id, userId },
      actorOf(context),
      async (manager) => {
        const organisation = await manager.save(
          manager.create(OrganisationEntity, { ...DEFAULT_SETTINGS, ...definedOnly(input), id }),
        );
        await manager.save(
          manager.create(MembershipEntity, { organisationId: id, userId, role: 'owner' }),
        );
        return OrganisationDto.from(organisation);
      },
    );
  }

  /** The caller's organisations, by name. */
  async list(context: PersonContext, page: PageQueryDto): Promise<OrganisationPageDto> {
    const userId = context.principal.userId;
    return this.scoped.transaction({ userId }, undefined, async (manager) => {
      const query = manager
        .getRepository(OrganisationEntity)
        .createQueryBuilder('organisation')
        .innerJoin(
          MembershipEntity,
          'membership',
          'membership.organisation_id = organisation.id AND membership.user_id = :userId',
          { userId },
        )
        .orderBy('organisation.name', 'ASC')
        .addOrderBy('organisation.id', 'ASC')
        .limit(page.limit + 1);
      if (page.cursor) {
        const [name, id] = decodeCursor(page.cursor, ['text', 'uuid']);
        query.where('(organisation.name, organisation.id) > (:name, :id)', { name, id });
      }
      const rows = await query.getMany();
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items: items.map(OrganisationDto.from),
        nextCursor: rows.length > page.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    });
  }

  async get(context: OrganisationContext): Promise<OrganisationDto> {
    return this.scoped.inOrganisation(context, async (manager) =>
      OrganisationDto.from(await find(manager, context.organisationId)),
    );
  }

  /** Changes the given settings if nobody changed the organisation since `version`. */
  async update(
    context: OrganisationContext,
    input: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const { version, ...changes } = input;
      const current = await find(manager, context.organisationId, { lock: true });
      if (current.version !== version) {
        throw new StaleVersionProblem('organisation', OrganisationDto.from(current));
      }
      Object.assign(current, definedOnly(changes), { version: current.version + 1 });
      return OrganisationDto.from(await manager.save(current));
    });
  }
}

async function find(
  manager: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrganisationEntity> {
  const organisation = await manager.findOne(OrganisationEntity, {
    where: { id },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!organisation) throw new NotFoundProblem('organisation', id);
  return organisation;
}
