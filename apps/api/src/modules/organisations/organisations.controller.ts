import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { PageQueryDto } from '../../common/pagination/cursor';
import { uuidPipe } from '../../common/validation/uuid.pipe';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationDto, OrganisationPageDto } from './dto/organisation.dto';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organisation' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblems(400, 413)
  create(@Body() input: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(input);
  }

  @Get()
  @ApiOperation({ summary: 'List organisations, by name' })
  @ApiOkResponse({ type: OrganisationPageDto })
  @ApiProblems(400)
  list(@Query() page: PageQueryDto): Promise<OrganisationPageDto> {
    return this.organisations.list(page);
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'Get an organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 404)
  get(@Param('organisationId', uuidPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Patch(':organisationId')
  @ApiOperation({ summary: 'Rename an organisation or change its settings' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 404, 409, 413)
  update(
    @Param('organisationId', uuidPipe) id: string,
    @Body() input: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.update(id, input);
  }
}
