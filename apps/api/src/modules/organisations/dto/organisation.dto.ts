import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationEntity } from '../organisation.entity';

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Guild of Independent Booksellers' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Membership association' })
  sector!: string | null;

  @ApiProperty({ example: 'GBP', description: 'ISO 4217 code; every amount is in this currency.' })
  currency!: string;

  @ApiProperty({ minimum: 1, maximum: 12, example: 4 })
  fiscalYearStartMonth!: number;

  @ApiProperty({ example: 'Europe/London' })
  timeZone!: string;

  @ApiProperty({ example: 'en-GB' })
  locale!: string;

  @ApiProperty({ description: 'The demo organisation created on first start.' })
  isDemo!: boolean;

  @ApiProperty({ description: 'Send it back with an update; a stale one answers 409.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(entity: OrganisationEntity): OrganisationDto {
    return {
      id: entity.id,
      name: entity.name,
      description: entity.description,
      sector: entity.sector,
      currency: entity.currency,
      fiscalYearStartMonth: entity.fiscalYearStartMonth,
      timeZone: entity.timeZone,
      locale: entity.locale,
      isDemo: entity.isDemo,
      version: entity.version,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationDto] })
  items!: OrganisationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}
