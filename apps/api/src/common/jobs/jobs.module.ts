import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import { JobQueue } from './job-queue';

/** The durable job queue (pg-boss), on the database the API uses, connected as its owner. */
@Global()
@Module({})
export class JobsModule {
  static register(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        {
          provide: JobQueue,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) =>
            new JobQueue(
              databaseUrl,
              // Dead jobs are found at the latest one interval after their timeout.
              Math.min(60, config.get('IMPORT_JOB_TIMEOUT_SECONDS', { infer: true })),
            ),
        },
      ],
      exports: [JobQueue],
    };
  }
}
