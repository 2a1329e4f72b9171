import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { OutboxController, OutboxService } from './outbox.controller';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [MailService, OutboxService],
  exports: [MailService],
})
export class MailModule {}
