import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan changes also name who made them (the transaction's `app.user_id`; null for an API key or a
 * script), so an open page can say whose change arrived instead of "someone else".
 */
export class PlanChangeActor1795448000000 implements MigrationInterface {
  name = 'PlanChangeActor1795448000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(notifyPlanChange(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(notifyPlanChange(false));
  }
}

function notifyPlanChange(withActor: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION notify_plan_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed record;
    BEGIN
      IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
      PERFORM pg_notify('plan_changes', json_build_object(
        'organisationId', changed.organisation_id,
        'entity', TG_TABLE_NAME,
        'id', to_jsonb(changed) ->> 'id',
        'operation', lower(TG_OP),
        'version', (to_jsonb(changed) ->> 'version')::integer${
          withActor
            ? `,\n        'actorUserId', nullif(current_setting('app.user_id', true), '')`
            : ''
        }
      )::text);
      RETURN NULL;
    END $$`;
}
