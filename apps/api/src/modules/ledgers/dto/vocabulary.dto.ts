import { ApiProperty } from '@nestjs/swagger';
import { VOCABULARY_LABEL_MAX_LENGTH } from '@roi/domain';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { trimString } from '../../../common/validation/domain-validators';

export class VocabularyLabelDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Instagram' }) label!: string;
  @ApiProperty({ description: 'Cost entries booked against it.' }) costEntries!: number;
  @ApiProperty({ description: 'Value entries booked against it.' }) valueEntries!: number;
  @ApiProperty() version!: number;
}

export class RenameLabelDto {
  @ApiProperty({ maxLength: VOCABULARY_LABEL_MAX_LENGTH, example: 'Instagram' })
  @Transform(trimString)
  @MaxLength(VOCABULARY_LABEL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  label!: string;

  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;
}

export class MergeLabelDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The label that takes over every entry; the merged one disappears.',
  })
  @IsUUID('all', { message: 'must be a UUID' })
  intoId!: string;
}
