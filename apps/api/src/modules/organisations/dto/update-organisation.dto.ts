import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateOrganisationDto } from './create-organisation.dto';

/** Any subset of the settings, with the `version` the change was based on. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current.' })
  @IsInt()
  @Min(1)
  version!: number;
}
