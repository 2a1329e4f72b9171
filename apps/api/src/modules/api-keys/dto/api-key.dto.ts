import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@roi/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinDate } from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';
import { IsIsoDateTime } from '../../../common/validation/query-values';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM measurement sync', maxLength: 120 })
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiProperty({ enum: ROLES, description: 'The role the key acts with.' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  @IsString()
  role!: Role;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-06-30T00:00:00Z',
    description: 'When the key stops working: an ISO 8601 moment in the future.',
  })
  @IsOptional()
  // Only ISO 8601: JavaScript's Date would take 1, true or "2027-02-30" (as 2 March) too.
  @MinDate(() => new Date(), { message: 'must be in the future' })
  @IsIsoDateTime()
  expiresAt?: Date;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'] }) status!:
    'active' | 'revoked' | 'expired';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey!: ApiKeyDto;
  @ApiProperty({ description: 'The key itself: shown this once, never again.' }) key!: string;
}
