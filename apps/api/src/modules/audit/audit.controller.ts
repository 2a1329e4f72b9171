import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import { type OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('organisations/:orgId/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: 'Every change, newest first, with who made it and what changed' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @InOrganisation() context: OrganisationContext,
    @Query() query: AuditQueryDto,
  ): Promise<AuditPageDto> {
    return this.audit.list(context, query);
  }

  @Get('export.csv')
  @Requires('audit.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered audit log as CSV (every page)' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404)
  exportCsv(
    @InOrganisation() context: OrganisationContext,
    @Query() query: AuditQueryDto,
  ): Promise<string> {
    return this.audit.exportCsv(context, query);
  }
}
