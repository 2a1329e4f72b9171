import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type PageQueryDto } from '../../common/pagination/cursor';
import { NotFoundProblem, StaleVersionProblem } from '../../common/problem-details/problem';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = manager.create(OrganisationEntity, {
        ...DEFAULT_SETTINGS,
        ...definedOnly(input),
      });
      return OrganisationDto.from(await manager.save(organisation));
    });
  }

  async list(page: PageQueryDto): Promise<OrganisationPageDto> {
    const query = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('organisation')
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
  }

  async get(id: string): Promise<OrganisationDto> {
    return OrganisationDto.from(await this.find(this.dataSource.manager, id));
  }

  /** Changes the given settings if nobody changed the organisation since `version`. */
  async update(id: string, input: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (manager) => {
      const { version, ...changes } = input;
      const current = await this.find(manager, id, { lock: true });
      if (current.version !== version) {
        throw new StaleVersionProblem('organisation', OrganisationDto.from(current));
      }
      Object.assign(current, definedOnly(changes), { version: current.version + 1 });
      return OrganisationDto.from(await manager.save(current));
    });
  }

  private async find(
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
}

/** Drops keys the client left out, so a PATCH changes only what it names. */
function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
