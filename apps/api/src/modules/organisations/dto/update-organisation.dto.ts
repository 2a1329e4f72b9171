import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateOrganisationDto } from './create-organisation.dto';

/** Any subset of the settings, with the `version` the change was based on. */
// skipNullProperties: false, because null is not "left out": a null name must be refused, not
// written to a NOT NULL column.
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, {
  skipNullProperties: false,
}) {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current.' })
  @IsInt()
  @Min(1)
  version!: number;
}
