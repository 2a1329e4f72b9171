import { HttpStatus, Injectable } from '@nestjs/common';
import { questionDefinitionProblems } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  type FieldError,
  NotFoundProblem,
  RuleProblem,
  StaleVersionProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { AssessmentTemplateEntity, TemplateQuestionEntity } from './assessment.entity';
import type { QuestionDto, TemplateDto } from './dto/assessment.dto';
import type { CopyTemplateDto, UpdateTemplateDto, WriteTemplateDto } from './dto/templates.dto';

/**
 * Templates as data: the built-in ones every organisation sees, and each organisation's own,
 * copied from any template or written from scratch. A template is never changed in place: an edit
 * makes the next version, so an assessment running on a version keeps exactly its questions.
 */
@Injectable()
export class TemplatesService {
  constructor(private readonly scoped: ScopedDatabase) {}

  /** The latest version of each template (or every version), with its questions. */
  list(context: OrganisationContext, allVersions = false): Promise<TemplateDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const ids: { id: string }[] = await manager.query(
        `SELECT id FROM (
           SELECT id, name, version,
                  rank() OVER (PARTITION BY organisation_id, key ORDER BY version DESC) AS recency
             FROM assessment_templates) t
          WHERE $1 OR recency = 1
          ORDER BY name, version DESC`,
        [allVersions],
      );
      return templateDtos(
        manager,
        ids.map((row) => row.id),
      );
    });
  }

  get(context: OrganisationContext, templateId: string): Promise<TemplateDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findTemplate(manager, templateId);
      return (await templateDtos(manager, [templateId]))[0]!;
    });
  }

  create(context: OrganisationContext, input: WriteTemplateDto): Promise<TemplateDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      refuseBadQuestions(input);
      const template = await manager.save(
        manager.create(AssessmentTemplateEntity, {
          organisationId: context.organisationId,
          key: await freeKey(manager, context.organisationId, input.name),
          name: input.name,
          description: input.description?.trim() ?? '',
          version: 1,
          basedOnTemplateId: null,
        }),
      );
      await insertQuestions(manager, template.id, input.questions);
      return (await templateDtos(manager, [template.id]))[0]!;
    });
  }

  /** A copy of any visible template (built-in or own) as the organisation's own, version 1. */
  copy(
    context: OrganisationContext,
    templateId: string,
    input: CopyTemplateDto,
  ): Promise<TemplateDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const source = await findTemplate(manager, templateId);
      const name = input.name ?? `${source.name} (copy)`.slice(0, 120);
      const template = await manager.save(
        manager.create(AssessmentTemplateEntity, {
          organisationId: context.organisationId,
          key: await freeKey(manager, context.organisationId, name),
          name,
          description: source.description,
          version: 1,
          basedOnTemplateId: source.id,
        }),
      );
      const questions = await manager.find(TemplateQuestionEntity, {
        where: { templateId: source.id },
        order: { position: 'ASC' },
      });
      await insertQuestions(manager, template.id, questions);
      return (await templateDtos(manager, [template.id]))[0]!;
    });
  }

  /** Saves an edit of the organisation's own template as its next version. */
  update(
    context: OrganisationContext,
    templateId: string,
    input: UpdateTemplateDto,
  ): Promise<TemplateDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const current = await findTemplate(manager, templateId);
      if (current.organisationId === null) {
        throw new RuleProblem(
          'Built-in template',
          'Built-in templates are shared by every organisation: copy one to change it.',
          HttpStatus.FORBIDDEN,
        );
      }
      // Edits of one template queue here, so two of them cannot both become the next version.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('template:' || $1 || ':' || $2))`,
        [current.organisationId, current.key],
      );
      const latest = await manager.findOne(AssessmentTemplateEntity, {
        where: { organisationId: current.organisationId, key: current.key },
        order: { version: 'DESC' },
      });
      if (latest!.id !== current.id || input.version !== current.version) {
        throw new StaleVersionProblem('template', (await templateDtos(manager, [latest!.id]))[0]);
      }
      refuseBadQuestions(input);
      const next = await manager.save(
        manager.create(AssessmentTemplateEntity, {
          organisationId: current.organisationId,
          key: current.key,
          name: input.name,
          description: input.description?.trim() ?? current.description,
          version: current.version + 1,
          basedOnTemplateId: current.basedOnTemplateId,
        }),
      );
      await insertQuestions(manager, next.id, input.questions);
      return (await templateDtos(manager, [next.id]))[0]!;
    });
  }
}

export function toQuestionDto(question: TemplateQuestionEntity): QuestionDto {
  return {
    id: question.id,
    position: question.position,
    dimension: question.dimension,
    kind: question.kind,
    prompt: question.prompt,
    anchors: question.anchors,
    options: question.options,
    unit: question.unit,
    evidenceRequired: question.evidenceRequired,
  };
}

async function templateDtos(manager: EntityManager, ids: string[]): Promise<TemplateDto[]> {
  if (ids.length === 0) return [];
  const rows: (AssessmentTemplateRow & { assessments: string })[] = await manager.query(
    `SELECT t.id, t.organisation_id AS "organisationId", t.key, t.name, t.description, t.version,
            t.based_on_template_id AS "basedOnTemplateId",
            (SELECT count(*) FROM assessments a WHERE a.template_id = t.id) AS assessments
       FROM assessment_templates t WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  const questions = await manager
    .createQueryBuilder(TemplateQuestionEntity, 'question')
    .where('question.template_id = ANY(:ids)', { ids })
    .orderBy('question.position', 'ASC')
    .getMany();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        key: row.key,
        name: row.name,
        description: row.description,
        version: row.version,
        builtIn: row.organisationId === null,
        basedOnTemplateId: row.basedOnTemplateId,
        assessments: Number(row.assessments),
        questions: questions.filter((question) => question.templateId === id).map(toQuestionDto),
      },
    ];
  });
}

interface AssessmentTemplateRow {
  id: string;
  organisationId: string | null;
  key: string;
  name: string;
  description: string;
  version: number;
  basedOnTemplateId: string | null;
}

/** Row-level security shows built-in templates and the organisation's own only. */
async function findTemplate(manager: EntityManager, id: string) {
  const template = await manager.findOneBy(AssessmentTemplateEntity, { id });
  if (!template) throw new NotFoundProblem('template', id);
  return template;
}

function refuseBadQuestions(input: WriteTemplateDto): void {
  const errors: FieldError[] = input.questions.flatMap((question, index) =>
    questionDefinitionProblems(question).map((problem) => ({
      field: `questions.${index}.${problem.field}`,
      reason: problem.reason,
    })),
  );
  if (errors.length > 0) throw new ValidationProblem(errors);
}

interface QuestionSource {
  dimension: string;
  kind: TemplateQuestionEntity['kind'];
  prompt: string;
  anchors?: string[] | null;
  options?: string[] | null;
  unit?: string | null;
  evidenceRequired?: boolean;
}

async function insertQuestions(
  manager: EntityManager,
  templateId: string,
  questions: QuestionSource[],
): Promise<void> {
  await manager.insert(
    TemplateQuestionEntity,
    questions.map((question, index) => ({
      templateId,
      position: index + 1,
      dimension: question.dimension,
      kind: question.kind,
      prompt: question.prompt,
      anchors: question.kind === 'scale' ? (question.anchors ?? null) : null,
      options:
        question.kind === 'single_choice' || question.kind === 'multiple_choice'
          ? (question.options?.map((option) => option.trim()) ?? null)
          : null,
      unit: question.kind === 'number' ? (question.unit?.trim() ?? null) : null,
      evidenceRequired: question.evidenceRequired ?? false,
    })),
  );
}

/**
 * A key for a new template of the organisation: its name as a slug, numbered when taken. Built-in
 * keys are left to the built-ins so scripts that look one up by key always find the built-in.
 */
async function freeKey(manager: EntityManager, organisationId: string, name: string) {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'template';
  // Two templates named alike at the same moment must not race for one key.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('template-keys:' || $1))`, [
    organisationId,
  ]);
  const taken = new Set(
    (
      (await manager.query(
        `SELECT DISTINCT key FROM assessment_templates
          WHERE organisation_id IS NULL OR organisation_id = $1`,
        [organisationId],
      )) as { key: string }[]
    ).map((row) => row.key),
  );
  let key = slug;
  for (let n = 2; taken.has(key); n += 1) key = `${slug}-${n}`;
  return key;
}
