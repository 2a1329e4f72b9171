import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APPLICATION_ROLE } from './typeorm-options';

/**
 * Refuses to start when the API's connections do not run as roi_app: through a pooler that was
 * not told to set the role, every query outside a scoped transaction would run as the pooler's
 * user, past row-level security, and nothing else would say so.
 */
@Injectable()
export class ConnectionRoleCheck implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT current_user AS role')) as {
      role: string;
    }[];
    if (row?.role !== APPLICATION_ROLE) {
      throw new Error(
        `The API's database connections run as "${row?.role}", not ${APPLICATION_ROLE}: a pooler in front of DATABASE_URL must set the role on its server connections (PgBouncer: connect_query = 'SET ROLE ${APPLICATION_ROLE}'), see docs/architecture.md.`,
      );
    }
  }
}
