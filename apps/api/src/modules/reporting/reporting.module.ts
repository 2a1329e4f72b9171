import { Module } from '@nestjs/common';
import { BoardPacksController, SharedBoardPacksController } from './board-packs.controller';
import { BoardPacksService } from './board-packs.service';
import { DashboardService } from './dashboard.service';
import { PortfolioService } from './portfolio.service';
import { ReportingController } from './reporting.controller';
import { ShareLinksService } from './share-links.service';

@Module({
  controllers: [ReportingController, BoardPacksController, SharedBoardPacksController],
  providers: [DashboardService, BoardPacksService, ShareLinksService, PortfolioService],
})
export class ReportingModule {}
