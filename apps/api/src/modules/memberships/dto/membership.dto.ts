import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@roi/domain';
import { IsIn, IsInt, IsString, Min } from 'class-validator';

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'An outside consultant: shown as external.' }) external!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  @IsString()
  role!: Role;

  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @Min(1)
  @IsInt()
  version!: number;
}
