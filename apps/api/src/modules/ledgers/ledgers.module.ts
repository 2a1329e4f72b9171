import { Module } from '@nestjs/common';
import { CostEntriesController, ValueEntriesController } from './ledger-entries.controller';
import { LedgerEntriesService } from './ledger-entries.service';
import { ActivitiesController, ChannelsController } from './vocabularies.controller';
import { VocabulariesService } from './vocabularies.service';

@Module({
  controllers: [
    CostEntriesController,
    ValueEntriesController,
    ChannelsController,
    ActivitiesController,
  ],
  providers: [LedgerEntriesService, VocabulariesService],
})
export class LedgersModule {}
