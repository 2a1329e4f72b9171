import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNTABILITY_GAP_KINDS,
  type AccountabilityGapKind,
  ROLES,
  type Role,
} from '@roi/domain';

const money = (example: string, description: string) =>
  ApiProperty({
    example,
    description: `${description} A decimal string with exactly the currency's minor-unit digits.`,
  });

export class PersonLoadDto {
  @ApiProperty({ example: 2, description: 'Initiatives held in either role, each counted once.' })
  initiatives!: number;
  @ApiProperty({
    example: 5,
    description: 'Milestones of those initiatives neither done nor cancelled.',
  })
  openMilestones!: number;
  @money('24650.00', 'The sum of those initiatives’ budgets, exact.') budget!: string;
}

export class AccountabilityPersonDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Maeve Lonergan, Chief Executive' }) name!: string;
  @ApiProperty({
    enum: ROLES,
    nullable: true,
    description:
      'The role in this organisation; null for someone named on an initiative who is no longer a member.',
  })
  role!: Role | null;
  @ApiProperty({ description: 'An outside consultant (an external role).' }) external!: boolean;
  @ApiProperty({ type: [String], description: 'Initiative ids, in code order.' })
  accountableFor!: string[];
  @ApiProperty({ type: [String], description: 'Initiative ids, in code order.' })
  responsibleFor!: string[];
  @ApiProperty({ type: PersonLoadDto }) load!: PersonLoadDto;
}

export class AccountabilityInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'G-INBOX' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', description: 'Accountable for the strategy.' })
  accountableUserId!: string;
  @ApiProperty({ format: 'uuid', description: 'Responsible for execution.' })
  responsibleUserId!: string;
  @money('6400.00', 'The planned budget.') budget!: string;
  @ApiProperty({ example: 3, description: 'Milestones neither done nor cancelled.' })
  openMilestones!: number;
  @ApiProperty({ description: 'The version to send when changing who holds either role.' })
  version!: number;
}

export class AccountabilityGapDto {
  @ApiProperty({ enum: ACCOUNTABILITY_GAP_KINDS }) kind!: AccountabilityGapKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'The initiative the gap is on.' })
  initiativeId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The person the gap is about.' })
  userId?: string;
  @ApiProperty({ description: 'What is wrong and what to do, in one or two sentences.' })
  message!: string;
}

export class AccountabilityMapDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    type: [AccountabilityPersonDto],
    description: 'Every member, by name, then anyone an initiative names who is not a member.',
  })
  people!: AccountabilityPersonDto[];
  @ApiProperty({ type: [AccountabilityInitiativeDto], description: 'In code order.' })
  initiatives!: AccountabilityInitiativeDto[];
  @ApiProperty({ type: [AccountabilityGapDto] }) gaps!: AccountabilityGapDto[];
}
