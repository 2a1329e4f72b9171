import { Injectable } from '@nestjs/common';
import {
  accountabilityMap,
  exactDecimal,
  type Fraction,
  type MilestoneStatus,
  openMilestonesByInitiative,
  type Role,
  roundHalfAwayFromZero,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { organisationClock } from '../organisations/organisation-clock';
import type { AccountabilityMapDto } from './dto/accountability-map.dto';

/**
 * The accountability map (step 4, Organise): a read across the plan's initiatives, the
 * execution's milestones and the organisation's members. It lives apart from both modules because
 * it joins them; changing who holds a role stays the plan's `PATCH /initiatives/{id}`, with its
 * version. The rules and the load come from libs/domain; SQL only reads and counts.
 */
@Injectable()
export class AccountabilityService {
  constructor(private readonly scoped: ScopedDatabase) {}

  map(context: OrganisationContext): Promise<AccountabilityMapDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      readAccountabilityMap(manager, context.organisationId),
    );
  }
}

interface InitiativeRow {
  id: string;
  code: string;
  name: string;
  accountable_user_id: string;
  responsible_user_id: string;
  budget: string;
  version: number;
}

async function readAccountabilityMap(
  manager: EntityManager,
  organisationId: string,
): Promise<AccountabilityMapDto> {
  const { currency, minorUnits } = await organisationClock(manager, organisationId);
  const initiatives: InitiativeRow[] = await manager.query(
    `SELECT id, code, name, accountable_user_id, responsible_user_id, budget::text AS budget, version
       FROM initiatives WHERE organisation_id = $1 ORDER BY code`,
    [organisationId],
  );
  const milestoneCounts: { initiative_id: string; status: MilestoneStatus; count: number }[] =
    await manager.query(
      `SELECT initiative_id, status, count(*)::int AS count
         FROM milestones WHERE organisation_id = $1 GROUP BY initiative_id, status`,
      [organisationId],
    );
  // Members, and anyone an initiative still names after their membership ended (role null).
  const people: { user_id: string; name: string; role: Role | null }[] = await manager.query(
    `SELECT u.id AS user_id, u.name, m.role
       FROM users u
       LEFT JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $1
      WHERE m.id IS NOT NULL
         OR u.id IN (SELECT accountable_user_id FROM initiatives WHERE organisation_id = $1
                     UNION SELECT responsible_user_id FROM initiatives WHERE organisation_id = $1)
      ORDER BY m.id IS NULL, u.name, u.id`,
    [organisationId],
  );

  const open = openMilestonesByInitiative(
    milestoneCounts.map((row) => ({
      initiativeId: row.initiative_id,
      status: row.status,
      count: row.count,
    })),
  );
  const mapped = initiatives.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    accountableUserId: row.accountable_user_id,
    responsibleUserId: row.responsible_user_id,
    budget: row.budget,
    openMilestones: open.get(row.id) ?? 0,
    version: row.version,
  }));
  const result = accountabilityMap(
    people.map((row) => ({ userId: row.user_id, name: row.name, role: row.role })),
    mapped,
  );
  const money = (value: Fraction) => roundHalfAwayFromZero(value, minorUnits);
  return {
    currency,
    people: result.people.map((person) => ({
      userId: person.userId,
      name: person.name,
      role: person.role,
      external: person.external,
      accountableFor: person.accountableFor,
      responsibleFor: person.responsibleFor,
      load: {
        initiatives: person.load.initiatives,
        openMilestones: person.load.openMilestones,
        budget: money(person.load.budget),
      },
    })),
    initiatives: mapped.map((initiative) => ({
      ...initiative,
      budget: money(exactDecimal(initiative.budget)),
    })),
    gaps: result.gaps,
  };
}
