import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import { type OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { OutboxMessageEntity } from './outbox-message.entity';

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

@Injectable()
export class OutboxService {
  constructor(private readonly scoped: ScopedDatabase) {}

  /** The newest 100 messages: the outbox is for checking what went out, not an archive. */
  list(context: OrganisationContext): Promise<OutboxMessageDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const messages = await manager.find(OutboxMessageEntity, {
        where: { organisationId: context.organisationId },
        order: { createdAt: 'DESC' },
        take: 100,
      });
      return messages.map((message) => ({
        id: message.id,
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
        createdAt: message.createdAt.toISOString(),
      }));
    });
  }
}

@ApiTags('mail')
@Controller('organisations/:orgId/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Requires('outbox.read')
  @ApiOperation({ summary: 'Mail the product sent for this organisation (newest first)' })
  @ApiOkResponse({ type: [OutboxMessageDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext): Promise<OutboxMessageDto[]> {
    return this.outbox.list(context);
  }
}
