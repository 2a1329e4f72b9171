import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { RespondentsController, ResponseLinksController } from './respondents.controller';
import { RespondentsService } from './respondents.service';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  controllers: [
    TemplatesController,
    AssessmentsController,
    RespondentsController,
    ResponseLinksController,
  ],
  providers: [AssessmentsService, TemplatesService, RespondentsService],
})
export class AssessmentsModule {}
