import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  InOrganisation,
  Person,
  Public,
  Requires,
  SignedIn,
} from '../../common/access/access-rule.decorator';
import { type OrganisationContext, type PersonContext } from '../../common/access/request-context';
import { originOf } from '../../common/http/origin';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import {
  AcceptedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('organisations/:orgId/invitations')
  @Requires('invitations.manage')
  @ApiOperation({ summary: 'Invitations, newest first, with their status' })
  @ApiOkResponse({ type: [InvitationDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext): Promise<InvitationDto[]> {
    return this.invitations.list(context);
  }

  @Post('organisations/:orgId/invitations')
  @Idempotent()
  @Requires('invitations.manage')
  @ApiOperation({ summary: 'Invite someone by email with a role (the link is mailed to them)' })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @InOrganisation() context: OrganisationContext,
    @Body() input: CreateInvitationDto,
    @Req() request: Request,
  ): Promise<InvitationDto> {
    return this.invitations.create(context, input, originOf(request));
  }

  @Post('organisations/:orgId/invitations/:invitationId/resend')
  @Requires('invitations.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a new link (the old one stops working) with a new expiry' })
  @ApiOkResponse({ type: InvitationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  resend(
    @InOrganisation() context: OrganisationContext,
    @Param('invitationId', uuidPipe) invitationId: string,
    @Req() request: Request,
  ): Promise<InvitationDto> {
    return this.invitations.resend(context, invitationId, originOf(request));
  }

  @Post('organisations/:orgId/invitations/:invitationId/revoke')
  @Requires('invitations.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working' })
  @ApiOkResponse({ type: InvitationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @InOrganisation() context: OrganisationContext,
    @Param('invitationId', uuidPipe) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(context, invitationId);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'What an invitation link offers, before accepting it' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiProblems(404)
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post('invitations/:token/accept')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation as the signed-in person it was sent to' })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  @ApiProblems(401, 403, 404, 410)
  accept(@Person() context: PersonContext, @Param('token') token: string) {
    return this.invitations.accept(context, token);
  }
}
