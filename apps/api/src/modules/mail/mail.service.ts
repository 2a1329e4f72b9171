import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import type { Environment } from '../../config/environment';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface Mail {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through nodemailer: over SMTP when SMTP_URL is set; otherwise the development
 * transport builds the message and writes it to the log. Either way the message is kept in the
 * organisation's outbox, in the caller's transaction, so owners can see what was sent.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly from: string;
  readonly delivers: boolean;

  constructor(config: ConfigService<Environment, true>) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.delivers = Boolean(smtpUrl);
    this.transport = createTransport(smtpUrl ?? { jsonTransport: true });
    this.from = config.get('MAIL_FROM', { infer: true });
  }

  async send(manager: EntityManager, mail: Mail): Promise<void> {
    await manager.insert(OutboxMessageEntity, {
      organisationId: mail.organisationId,
      recipient: mail.to,
      subject: mail.subject,
      body: mail.text,
    });
    const info = await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    if (!this.delivers) {
      // The text carries invitation and response links, whose tokens open the product: it is
      // read in the outbox (`outbox.read`), never in the log.
      this.logger.log(
        { mail: { to: mail.to, subject: mail.subject } },
        'mail (development transport: not delivered; read it in the outbox)',
      );
    } else {
      this.logger.log(`mail to ${mail.to}: ${String(info.messageId)}`);
    }
  }
}
