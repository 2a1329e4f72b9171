import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { demoOrganisation } from './demo-organisation';

export const SEED_DEMO = Symbol('SEED_DEMO');

// Any constant shared by every API process: it serialises the "is the database empty?" check.
const DEMO_SEED_LOCK = 7_201_000_001;

/** Creates the demo organisation when the API starts on a database with no organisation at all. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEED_DEMO) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const created = await this.seedIfEmpty();
    if (created) this.logger.log(`Created the demo organisation "${created.name}" (${created.id})`);
  }

  /** Returns the organisation it created, or null when the database already had one. */
  async seedIfEmpty(): Promise<OrganisationEntity | null> {
    // Two API processes starting together on an empty database must not both seed it.
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      if ((await manager.count(OrganisationEntity)) > 0) return null;
      return manager.save(
        manager.create(OrganisationEntity, { ...demoOrganisation, isDemo: true }),
      );
    });
  }
}
