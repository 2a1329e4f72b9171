import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ProblemDetailsDto } from '../../common/openapi/problem-details.dto';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import {
  IMPORT_UPLOAD_SCHEMA,
  ImportAcceptedDto,
  ImportDto,
  ImportPageDto,
  ImportsQueryDto,
} from './dto/import.dto';
import { ImportsService } from './imports.service';

const problem = {
  'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
};

@ApiTags('imports')
@Controller('organisations/:orgId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Idempotent({ streamedBody: true })
  @HttpCode(202)
  // Costs and values need ledgers.record; KPI measurements need execution.update, checked once
  // the kind is read from the body (every role with the one has the other today).
  @Requires('ledgers.record')
  @ApiOperation({
    summary: 'Upload a CSV of costs, values or KPI measurements to import',
    description:
      'Streams the file into staging and queues a job that validates every row and imports all of them in one transaction, or none. Follow it with GET /imports/{id}.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_UPLOAD_SCHEMA as unknown as Record<string, unknown> })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiResponse({
    status: 413,
    description: 'The file is larger than IMPORT_MAX_BYTES.',
    content: problem,
  })
  @ApiResponse({ status: 415, description: 'Not a multipart/form-data body.', content: problem })
  @ApiResponse({
    status: 422,
    description:
      'Not a CSV of that kind: a wrong or missing header, a binary or non-UTF-8 file, a field over 10,000 characters, more than 64 columns, broken quoting.',
    content: problem,
  })
  upload(@InOrganisation() context: OrganisationContext, @Req() request: Request) {
    return this.imports.upload(context, request);
  }

  @Get()
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Imports, newest first' })
  @ApiOkResponse({ type: ImportPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@InOrganisation() context: OrganisationContext, @Query() query: ImportsQueryDto) {
    return this.imports.list(context, query);
  }

  @Get(':importId')
  @Requires('organisation.read')
  @ApiOperation({ summary: "An import's status, progress and bad rows" })
  @ApiOkResponse({ type: ImportDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('importId', uuidPipe) id: string) {
    return this.imports.get(context, id);
  }
}
