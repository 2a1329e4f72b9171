import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  ROLES,
  type Role,
} from '@roi/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';

// The type check sits nearest the property: with stopAtFirstError it is reported first.

export class SignUpDto {
  @ApiProperty({ example: 'ada@example.org', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimString)
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail({}, { message: 'must be an email address' })
  @IsString()
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @MaxLength(PASSWORD_MAX_LENGTH)
  @MinLength(PASSWORD_MIN_LENGTH)
  @IsString()
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: PERSON_NAME_MAX_LENGTH })
  @Transform(trimString)
  @MaxLength(PERSON_NAME_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  name!: string;
}

export class SignInDto {
  @ApiProperty({ example: 'ada@example.org' })
  @Transform(trimString)
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  email!: string;

  @ApiProperty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @MaxLength(PASSWORD_MAX_LENGTH)
  @MinLength(PASSWORD_MIN_LENGTH)
  @IsString()
  newPassword!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;
}

export class MyMembershipDto {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'An outside consultant: shown as external.' })
  external!: boolean;

  @ApiProperty({ description: 'Whether this is the demo organisation.' })
  isDemo!: boolean;
}

export class MeDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({ type: [MyMembershipDto] })
  memberships!: MyMembershipDto[];

  @ApiPropertyOptional({ description: 'Also in the csrf_token cookie; send it as X-CSRF-Token.' })
  csrfToken?: string;
}
