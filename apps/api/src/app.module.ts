import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { ProblemDetailsFilter } from './common/problem-details/problem-details.filter';
import { ValidationProblem } from './common/problem-details/problem';
import { flattenValidationErrors } from './common/problem-details/validation-errors';
import type { Environment } from './config/environment';
import { PROCESS_LOGGER, requestLoggingOptions } from './config/logger';
import { ConnectionRoleCheck } from './database/connection-role';
import { applicationDataSourceOptions } from './database/typeorm-options';
import { AccessModule } from './common/access/access.module';
import { WebAppModule } from './common/web-app/web-app.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AssessmentsModule } from './modules/assessments/assessments.module';
import { AuditModule } from './modules/audit/audit.module';
import { CyclesModule } from './modules/cycles/cycles.module';
import { ExecutionModule } from './modules/execution/execution.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { MailModule } from './modules/mail/mail.module';
import { MembershipsModule } from './modules/memberships/memberships.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PlanModule } from './modules/plan/plan.module';
import { LiveModule } from './modules/live/live.module';
import { JobsModule } from './common/jobs/jobs.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { ImportsModule } from './modules/imports/imports.module';
import { LedgersModule } from './modules/ledgers/ledgers.module';
import { RoiModule } from './modules/roi/roi.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { AccountabilityModule } from './modules/accountability/accountability.module';

export interface AppOptions {
  environment: Environment;
  databaseUrl: string;
  /**
   * The same database without a pooler, for LISTEN, session advisory locks and pg-boss; when it
   * differs from databaseUrl, databaseUrl is taken to be a pooler in transaction mode.
   */
  databaseDirectUrl?: string;
  logger: Logger;
  /** The built web app to serve beside the API, when there is one. */
  webDistDirectory?: string;
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    const databaseDirectUrl = options.databaseDirectUrl ?? options.databaseUrl;
    const pooled = databaseDirectUrl !== options.databaseUrl;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [
            () => ({
              ...options.environment,
              DATABASE_URL: options.databaseUrl,
              DATABASE_DIRECT_URL: databaseDirectUrl,
            }),
          ],
        }),
        LoggerModule.forRoot({ pinoHttp: requestLoggingOptions(options.logger) }),
        TypeOrmModule.forRoot(applicationDataSourceOptions(options.databaseUrl, { pooled })),
        ...(options.webDistDirectory ? [WebAppModule.register(options.webDistDirectory)] : []),
        AccessModule,
        IdempotencyModule,
        MailModule,
        HealthModule,
        AccountsModule,
        OrganisationsModule,
        MembershipsModule,
        InvitationsModule,
        ApiKeysModule,
        AuditModule,
        CyclesModule,
        AssessmentsModule,
        ExecutionModule,
        PlanModule,
        LiveModule,
        LedgersModule,
        RoiModule,
        ReportingModule,
        AccountabilityModule,
        JobsModule.register(databaseDirectUrl),
        ImportsModule,
      ],
      providers: [
        ConnectionRoleCheck,
        { provide: PROCESS_LOGGER, useValue: options.logger },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            stopAtFirstError: true,
            exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
          }),
        },
      ],
    };
  }
}
