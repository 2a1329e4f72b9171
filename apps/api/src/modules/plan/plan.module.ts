import { Module } from '@nestjs/common';
import { CollaborationController } from './collaboration.controller';
import { CommentsService } from './comments.service';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { PlanVersionsService } from './plan-versions.service';
import { StrategyMapController } from './strategy-map.controller';
import { StrategyMapService } from './strategy-map.service';

@Module({
  controllers: [
    OutcomesController,
    KpisController,
    InitiativesController,
    CollaborationController,
    StrategyMapController,
  ],
  providers: [
    OutcomesService,
    KpisService,
    InitiativesService,
    CommentsService,
    PlanVersionsService,
    StrategyMapService,
  ],
})
export class PlanModule {}
