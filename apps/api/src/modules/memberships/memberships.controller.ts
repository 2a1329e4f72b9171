import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InOrganisation, Requires } from '../../common/access/access-rule.decorator';
import { type OrganisationContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { ChangeRoleDto, MemberDto } from './dto/membership.dto';
import { MembershipsService } from './memberships.service';

@ApiTags('members')
@Controller('organisations/:orgId')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get('members')
  @Requires('members.read')
  @ApiOperation({ summary: 'Members and their roles' })
  @ApiOkResponse({ type: [MemberDto] })
  @ApiProblems(401, 403, 404)
  list(@InOrganisation() context: OrganisationContext): Promise<MemberDto[]> {
    return this.memberships.list(context);
  }

  @Patch('members/:membershipId')
  @Requires('members.manage')
  @ApiOperation({ summary: "Change a member's role (the last owner stays an owner)" })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblems(400, 401, 403, 404, 409)
  changeRole(
    @InOrganisation() context: OrganisationContext,
    @Param('membershipId', uuidPipe) membershipId: string,
    @Body() input: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.memberships.changeRole(context, membershipId, input);
  }

  @Delete('members/:membershipId')
  @Requires('members.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (not the last owner)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(
    @InOrganisation() context: OrganisationContext,
    @Param('membershipId', uuidPipe) membershipId: string,
  ): Promise<void> {
    return this.memberships.remove(context, membershipId);
  }

  @Post('leave')
  @Requires('organisation.read', { peopleOnly: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the organisation (not as its last owner)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 409)
  leave(@InOrganisation() context: OrganisationContext): Promise<void> {
    return this.memberships.leave(context);
  }
}
