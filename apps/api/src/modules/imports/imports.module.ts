import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportJobRunner } from './import-job.runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** CSV imports (streamed to staging, run as durable jobs) and exports of the ledgers and KPIs. */
@Module({
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ImportJobRunner, ExportsService],
})
export class ImportsModule {}
