import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { PlanEventsService } from './plan-events.service';

// Proxies and load balancers drop a quiet connection; a comment line now and then keeps it open.
const KEEP_ALIVE_MS = 25_000;

@ApiTags('plan')
@Controller('organisations/:orgId/plan/events')
export class PlanEventsController {
  constructor(private readonly events: PlanEventsService) {}

  @Sse()
  @Requires('organisation.read')
  @ApiOperation({
    summary:
      'Server-sent events: each change to the plan (entity, id, operation, version), from any API process',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(401, 403, 404)
  stream(@InOrganisation() context: OrganisationContext): Observable<MessageEvent> {
    return merge(
      this.events
        .forOrganisation(context.organisationId)
        .pipe(map((change): MessageEvent => ({ type: 'plan-change', data: change }))),
      interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keep-alive', data: '' }))),
    );
  }
}
