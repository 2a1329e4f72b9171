import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InOrganisation, Public, Requires } from '../../common/access/access-rule.decorator';
import type { OrganisationContext } from '../../common/access/request-context';
import { originOf } from '../../common/http/origin';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { BoardPacksService } from './board-packs.service';
import {
  BoardPackComparisonDto,
  BoardPackDto,
  BoardPackSummaryDto,
  CreateBoardPackDto,
  CreatedShareLinkDto,
  CreateShareLinkDto,
  ShareLinkDto,
  UpdateBoardPackDto,
} from './dto/board-pack.dto';
import { sendPackPdf, sendPackXlsx } from './pack-downloads';
import { ShareLinksService } from './share-links.service';

const pdf = {
  description: 'The published pack as PDF: vector charts, page numbers, a table of contents.',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const xlsx = {
  description: 'The published pack as a workbook: one sheet per section, real numbers and dates.',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};

@ApiTags('board packs')
@Controller('organisations/:orgId/board-packs')
export class BoardPacksController {
  constructor(
    private readonly packs: BoardPacksService,
    private readonly links: ShareLinksService,
  ) {}

  @Get()
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'Board packs by as-of date, newest first (drafts only for those who manage packs)',
  })
  @ApiOkResponse({ type: [BoardPackSummaryDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext) {
    return this.packs.list(context);
  }

  @Post()
  @Idempotent()
  @Requires('board-packs.manage', { peopleOnly: true })
  @ApiOperation({ summary: 'Start a draft board pack for a cycle as of a date within it' })
  @ApiCreatedResponse({ type: BoardPackDto })
  @ApiProblems(400, 401, 403, 404)
  create(@InOrganisation() context: OrganisationContext, @Body() input: CreateBoardPackDto) {
    return this.packs.create(context, input);
  }

  @Get(':packId')
  @Requires('organisation.read')
  @ApiOperation({
    summary: 'A board pack: a draft with its live figures as of its date, a published one frozen',
  })
  @ApiOkResponse({ type: BoardPackDto })
  @ApiProblems(400, 401, 403, 404)
  get(@InOrganisation() context: OrganisationContext, @Param('packId', uuidPipe) id: string) {
    return this.packs.get(context, id);
  }

  @Patch(':packId')
  @Requires('board-packs.manage', { peopleOnly: true })
  @ApiOperation({ summary: "Change a draft's commentary (409 when stale or published)" })
  @ApiOkResponse({ type: BoardPackDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @InOrganisation() context: OrganisationContext,
    @Param('packId', uuidPipe) id: string,
    @Body() input: UpdateBoardPackDto,
  ) {
    return this.packs.update(context, id, input);
  }

  @Delete(':packId')
  @Requires('board-packs.manage', { peopleOnly: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (a published pack is kept: 409)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  delete(@InOrganisation() context: OrganisationContext, @Param('packId', uuidPipe) id: string) {
    return this.packs.delete(context, id);
  }

  @Post(':packId/publish')
  @Requires('board-packs.manage', { peopleOnly: true })
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: its figures are stored and frozen from now on' })
  @ApiOkResponse({ type: BoardPackDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(@InOrganisation() context: OrganisationContext, @Param('packId', uuidPipe) id: string) {
    return this.packs.publish(context, id);
  }

  @Get(':packId/comparison')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'What moved since the previous published pack' })
  @ApiOkResponse({ type: BoardPackComparisonDto })
  @ApiProblems(400, 401, 403, 404)
  compare(@InOrganisation() context: OrganisationContext, @Param('packId', uuidPipe) id: string) {
    return this.packs.compare(context, id);
  }

  @Get(':packId/pack.pdf')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A published pack as PDF (a draft answers 409)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdf)
  @ApiProblems(400, 401, 403, 404, 409)
  async pdf(
    @InOrganisation() context: OrganisationContext,
    @Param('packId', uuidPipe) id: string,
    @Res() response: Response,
  ) {
    sendPackPdf(await this.packs.published(context, id), response);
  }

  @Get(':packId/pack.xlsx')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'A published pack as XLSX (a draft answers 409)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse(xlsx)
  @ApiProblems(400, 401, 403, 404, 409)
  async xlsx(
    @InOrganisation() context: OrganisationContext,
    @Param('packId', uuidPipe) id: string,
    @Res() response: Response,
  ) {
    await sendPackXlsx(await this.packs.published(context, id), response);
  }

  @Post(':packId/share-links')
  @Idempotent({ answerHoldsSecret: true })
  @Requires('board-packs.manage', { peopleOnly: true })
  @ApiOperation({
    summary: 'A read-only link to a published pack for someone without an account, with an expiry',
  })
  @ApiCreatedResponse({ type: CreatedShareLinkDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createLink(
    @InOrganisation() context: OrganisationContext,
    @Param('packId', uuidPipe) id: string,
    @Body() input: CreateShareLinkDto,
    @Req() request: Request,
  ) {
    return this.links.create(context, id, input, originOf(request));
  }

  @Get(':packId/share-links')
  @Requires('board-packs.manage')
  @ApiOperation({ summary: "A pack's share links, newest first (tokens are never shown again)" })
  @ApiOkResponse({ type: [ShareLinkDto] })
  @ApiProblems(400, 401, 403, 404)
  listLinks(@InOrganisation() context: OrganisationContext, @Param('packId', uuidPipe) id: string) {
    return this.links.list(context, id);
  }

  @Delete(':packId/share-links/:linkId')
  @Requires('board-packs.manage', { peopleOnly: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a share link: it answers 404 from now on' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  revokeLink(
    @InOrganisation() context: OrganisationContext,
    @Param('packId', uuidPipe) id: string,
    @Param('linkId', uuidPipe) linkId: string,
  ) {
    return this.links.revoke(context, id, linkId);
  }
}

/** What a share link opens, without signing in: the token is the key. */
@ApiTags('board packs')
@Controller('shared/board-packs/:token')
export class SharedBoardPacksController {
  constructor(private readonly links: ShareLinksService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The published pack a share link opens' })
  @ApiOkResponse({ type: BoardPackDto })
  @ApiProblems(404, 410)
  view(@Param('token') token: string) {
    return this.links.open(token);
  }

  @Get('pack.pdf')
  @Public()
  @ApiOperation({ summary: 'The shared pack as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdf)
  @ApiProblems(404, 410)
  async pdf(@Param('token') token: string, @Res() response: Response) {
    sendPackPdf(await this.links.open(token), response);
  }
}
