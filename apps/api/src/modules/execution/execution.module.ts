import { Module } from '@nestjs/common';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { ProgramViewsController } from './program-views.controller';
import { ProgramViewsService } from './program-views.service';
import { WeeklyDigestScheduler } from './weekly-digest.scheduler';
import { WeeklyDigestService } from './weekly-digest.service';

/** Step 5, execute: milestones, dependencies, check-ins, the program views and the weekly digest. */
@Module({
  // The views first: their fixed paths are matched before `milestones/:milestoneId`.
  controllers: [ProgramViewsController, MilestonesController],
  providers: [MilestonesService, ProgramViewsService, WeeklyDigestService, WeeklyDigestScheduler],
})
export class ExecutionModule {}
