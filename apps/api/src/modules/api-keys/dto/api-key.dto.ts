import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@roi/domain';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinDate,
} from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';

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

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stops working.' })
  @IsOptional()
  @MinDate(() => new Date(), { message: 'must be in the future' })
  @IsDate({ message: 'must be a date-time' })
  @Type(() => Date)
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
