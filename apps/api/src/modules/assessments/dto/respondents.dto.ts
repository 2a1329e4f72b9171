import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';
import { MyResponseDto, QuestionDto } from './assessment.dto';

export const RESPONSE_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export const LINK_STATUSES = ['active', 'expired', 'used'] as const;

export class RespondentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['member', 'link'],
    description: 'A member, or someone with a response link.',
  })
  kind!: 'member' | 'link';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: RESPONSE_STATUSES }) responseStatus!: (typeof RESPONSE_STATUSES)[number];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ enum: LINK_STATUSES, nullable: true, description: 'For a response link.' })
  linkStatus!: (typeof LINK_STATUSES)[number] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRemindedAt!:
    string | null;
}

export class AddRespondentsDto {
  @ApiProperty({ type: [String], description: 'Members to ask to answer.' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  @ArrayMaxSize(200)
  @ArrayMinSize(1)
  @IsArray()
  userIds!: string[];
}

export class CreateResponseLinkDto {
  @ApiProperty({ maxLength: 120, example: 'Siobhán Kearney, Head of Retail' })
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ description: 'Where to send the link (and later reminders).' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 14 })
  @IsOptional()
  @Max(90)
  @Min(1)
  @IsInt({ message: 'must be a whole number of days' })
  expiresInDays?: number;
}

export class CreatedResponseLinkDto extends RespondentDto {
  @ApiProperty({ description: 'The secret of the link: shown once, never again.' }) token!: string;
  @ApiProperty({ example: 'https://roi.example/respond/…' }) url!: string;
}

export class ReminderDto {
  @ApiProperty({ type: [String], description: 'Respondents reminded.' }) reminded!: string[];
  @ApiProperty({
    type: [String],
    description: 'Respondents who have not answered but have no email to remind.',
  })
  withoutEmail!: string[];
}

/** What someone holding a response link sees. */
export class ResponseLinkViewDto {
  @ApiProperty() organisationName!: string;
  @ApiProperty() assessmentTitle!: string;
  @ApiProperty() templateName!: string;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: ['open', 'closed'] }) assessmentStatus!: 'open' | 'closed';
  @ApiProperty() respondentName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: [QuestionDto] }) questions!: QuestionDto[];
  @ApiProperty({ type: MyResponseDto, nullable: true }) response!: MyResponseDto | null;
}

export class BaselineFigureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ example: 'Followers across all accounts' }) name!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty({ type: String, nullable: true, example: 'followers' }) unit!: string | null;
  @ApiProperty({ description: 'The mean of the submitted answers, to 4 decimal places.' })
  value!: number;
  @ApiProperty({ description: 'YYYY-MM-DD: the day the assessment closed.' }) measuredOn!: string;
  @ApiProperty({ description: 'How many answers the figure rests on.' }) respondents!: number;
}

export class BaselineFiguresQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cycleId?: string;
}
