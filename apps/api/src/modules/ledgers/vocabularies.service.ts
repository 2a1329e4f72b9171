import { Injectable } from '@nestjs/common';
import { vocabularyLabel } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { RuleProblem, ValidationProblem } from '../../common/problem-details/problem';
import { lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { MergeLabelDto, RenameLabelDto, VocabularyLabelDto } from './dto/vocabulary.dto';
import { ActivityEntity, ChannelEntity } from './ledger.entity';
import type { Vocabulary } from './vocabularies';

const ENTITIES = { channels: ChannelEntity, activities: ActivityEntity } as const;
const COLUMNS = { channels: 'channel_id', activities: 'activity_id' } as const;
const NAMES = { channels: 'channel', activities: 'activity' } as const;

/**
 * The organisation's channels and activities: listed with how much is booked against each,
 * renamed, and merged when two labels turn out to mean the same thing.
 */
@Injectable()
export class VocabulariesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext, vocabulary: Vocabulary): Promise<VocabularyLabelDto[]> {
    return this.scoped.inOrganisation(context, (manager) =>
      listLabels(manager, context.organisationId, vocabulary),
    );
  }

  rename(
    context: OrganisationContext,
    vocabulary: Vocabulary,
    id: string,
    input: RenameLabelDto,
  ): Promise<VocabularyLabelDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const record = await lockRecord<ChannelEntity>(
        manager,
        ENTITIES[vocabulary],
        context.organisationId,
        id,
        NAMES[vocabulary],
      );
      await refuseStaleVersion(record, input.version, NAMES[vocabulary], async () =>
        labelDto(manager, context.organisationId, vocabulary, id),
      );
      const label = vocabularyLabel(input.label);
      const [clash] = (await manager.query(
        `SELECT label FROM ${vocabulary} WHERE organisation_id = $1 AND match_key = lower($2) AND id <> $3`,
        [context.organisationId, label, id],
      )) as { label: string }[];
      if (clash) {
        throw new ValidationProblem([
          {
            field: 'label',
            reason: `is already the ${NAMES[vocabulary]} "${clash.label}": merge the two instead`,
          },
        ]);
      }
      record.label = label;
      record.version = input.version + 1;
      await manager.save(record);
      return labelDto(manager, context.organisationId, vocabulary, id);
    });
  }

  merge(
    context: OrganisationContext,
    vocabulary: Vocabulary,
    id: string,
    input: MergeLabelDto,
  ): Promise<VocabularyLabelDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      if (id === input.intoId) {
        throw new RuleProblem(
          'Nothing to merge',
          `A ${NAMES[vocabulary]} cannot merge into itself.`,
        );
      }
      const merged = await lockRecord<ChannelEntity>(
        manager,
        ENTITIES[vocabulary],
        context.organisationId,
        id,
        NAMES[vocabulary],
      );
      const into = await manager.findOneBy(ENTITIES[vocabulary], {
        id: input.intoId,
        organisationId: context.organisationId,
      });
      if (!into) {
        throw new ValidationProblem([
          { field: 'intoId', reason: `is not a ${NAMES[vocabulary]} of this organisation` },
        ]);
      }
      // Moving the entries fires the ledgers' rollup triggers, which move their sums as well.
      for (const table of ['cost_entries', 'value_entries']) {
        await manager.query(
          `UPDATE ${table} SET ${COLUMNS[vocabulary]} = $3, version = version + 1
            WHERE organisation_id = $1 AND ${COLUMNS[vocabulary]} = $2`,
          [context.organisationId, id, input.intoId],
        );
      }
      await manager.remove(merged);
      return labelDto(manager, context.organisationId, vocabulary, input.intoId);
    });
  }
}

async function listLabels(
  manager: EntityManager,
  organisationId: string,
  vocabulary: Vocabulary,
  id?: string,
): Promise<VocabularyLabelDto[]> {
  const column = COLUMNS[vocabulary];
  return (await manager.query(
    `SELECT v.id, v.label, v.version,
            (SELECT count(*) FROM cost_entries e WHERE e.${column} = v.id)::int AS "costEntries",
            (SELECT count(*) FROM value_entries e WHERE e.${column} = v.id)::int AS "valueEntries"
       FROM ${vocabulary} v
      WHERE v.organisation_id = $1 ${id ? 'AND v.id = $2' : ''}
      ORDER BY v.match_key`,
    id ? [organisationId, id] : [organisationId],
  )) as VocabularyLabelDto[];
}

async function labelDto(
  manager: EntityManager,
  organisationId: string,
  vocabulary: Vocabulary,
  id: string,
): Promise<VocabularyLabelDto> {
  const [label] = await listLabels(manager, organisationId, vocabulary, id);
  return label as VocabularyLabelDto;
}
