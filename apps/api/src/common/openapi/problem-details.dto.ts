import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' })
  field!: string;

  @ApiProperty({ example: 'must not be empty' })
  reason!: string;
}

/** The RFC 9457 body of every error answer, as the OpenAPI description shows it. */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/validation-error' })
  type!: string;

  @ApiProperty({ example: 'Your request has invalid fields' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'name must not be empty' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/organisations' })
  instance?: string;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, for support.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Each refused field, for 400.' })
  errors?: FieldErrorDto[];
}
