import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InOrganisation,
  Person,
  Requires,
  SignedIn,
} from '../../common/access/access-rule.decorator';
import { type OrganisationContext, type PersonContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { PageQueryDto } from '../../common/pagination/cursor';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationDto, OrganisationPageDto } from './dto/organisation.dto';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @SignedIn()
  @ApiOperation({ summary: 'Create an organisation; the caller becomes its owner' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 413)
  create(@Person() context: PersonContext, @Body() input: CreateOrganisationDto) {
    return this.organisations.create(context, input);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "List the caller's organisations, by name" })
  @ApiOkResponse({ type: OrganisationPageDto })
  @ApiProblems(400, 401, 403)
  list(@Person() context: PersonContext, @Query() page: PageQueryDto) {
    return this.organisations.list(context, page);
  }

  @Get(':orgId')
  @Requires('organisation.read')
  @ApiOperation({ summary: 'Get an organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(401, 403, 404)
  get(@InOrganisation() context: OrganisationContext): Promise<OrganisationDto> {
    return this.organisations.get(context);
  }

  @Patch(':orgId')
  @Requires('organisation.update')
  @ApiOperation({ summary: 'Rename an organisation or change its settings' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 404, 409, 413)
  update(
    @InOrganisation() context: OrganisationContext,
    @Body() input: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.update(context, input);
  }
}
