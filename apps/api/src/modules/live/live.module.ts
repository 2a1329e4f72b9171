import { Module } from '@nestjs/common';
import { PlanEventsController } from './plan-events.controller';
import { PlanEventsService } from './plan-events.service';

@Module({ controllers: [PlanEventsController], providers: [PlanEventsService] })
export class LiveModule {}
