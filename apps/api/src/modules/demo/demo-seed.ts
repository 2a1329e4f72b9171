import { ROLE_LABELS, type Role, todayIn } from '@roi/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../accounts/passwords';
import { UserEntity } from '../accounts/user.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { seedDemoAssessments } from './demo-assessments';
import { seedDemoBoardPacks } from './demo-board-packs';
import { type DemoPeople, seedDemoCycles } from './demo-cycles';
import { DemoHistory, type DemoPerson } from './demo-history';
import { demoOrganisation } from './demo-organisation';
import { seedDemoLedgers } from './demo-ledgers';
import { seedDemoPlan } from './demo-plan';
import { seedDemoPlanHistory } from './demo-plan-history';

/** Every demo account signs in with this password (printed at start and in the README). */
export const DEMO_PASSWORD = 'bookshop-day-2027';

/** The Guild's leadership team and helpers: one person for every role. */
export const DEMO_PEOPLE: { email: string; name: string; role: Role }[] = [
  {
    email: 'maeve.lonergan@guild-booksellers.example',
    name: 'Maeve Lonergan, Chief Executive',
    role: 'owner',
  },
  {
    email: 'tom.achebe@guild-booksellers.example',
    name: 'Tom Achebe, Director of Membership',
    role: 'executive',
  },
  {
    email: 'priya.raman@northlight-advisory.example',
    name: 'Priya Raman, Northlight Advisory',
    role: 'consultant',
  },
  {
    email: 'owen.hughes@guild-booksellers.example',
    name: 'Owen Hughes, Programme Manager',
    role: 'program_manager',
  },
  {
    email: 'lena.fischer@guild-booksellers.example',
    name: 'Lena Fischer, Social Media Manager',
    role: 'contributor',
  },
  {
    email: 'sarah.whitcombe@guild-booksellers.example',
    name: 'Sarah Whitcombe, Board Chair',
    role: 'board_member',
  },
];

// Any constant shared by every API process: it serialises the "is the database empty?" check.
const DEMO_SEED_LOCK = 7_201_000_001;

/**
 * Creates the demo organisation with a member of every role when the database has no
 * organisation at all; returns how to sign in, or null when there was nothing to do.
 */
export async function seedDemoIfEmpty(
  dataSource: DataSource,
): Promise<{ signInHelp: string } | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Two API processes starting together on an empty database must not both seed it.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
    if ((await manager.count(OrganisationEntity)) > 0) return null;
    const organisation = await manager.save(
      manager.create(OrganisationEntity, { ...demoOrganisation, isDemo: true }),
    );
    const personOf: Partial<Record<Role, DemoPerson>> = {};
    for (const person of DEMO_PEOPLE) {
      const user =
        (await manager.findOneBy(UserEntity, { email: person.email })) ??
        (await manager.save(
          manager.create(UserEntity, { email: person.email, name: person.name, passwordHash }),
        ));
      await manager.save(
        manager.create(MembershipEntity, {
          organisationId: organisation.id,
          userId: user.id,
          role: person.role,
        }),
      );
      personOf[person.role] = { id: user.id, name: user.name, email: user.email };
    }
    const as = (role: Role): DemoPerson => {
      const person = personOf[role];
      if (!person) throw new Error(`DEMO_PEOPLE has nobody for the role ${role}`);
      return person;
    };
    const people: DemoPeople = {
      owner: as('owner'),
      executive: as('executive'),
      consultant: as('consultant'),
      programManager: as('program_manager'),
      contributor: as('contributor'),
      boardMember: as('board_member'),
    };
    const today = todayIn(demoOrganisation.timeZone);
    const plan = await seedDemoPlan(
      manager,
      organisation.id,
      {
        owner: people.owner.id,
        executive: people.executive.id,
        programManager: people.programManager.id,
        contributor: people.contributor.id,
      },
      today,
    );
    await seedDemoLedgers(manager, organisation.id, people.contributor.id, today);
    // The story around the plan: last year's cycle, this year's assessments, findings and
    // baseline figures the plan rests on, its approved version and the draft of the next.
    const history = new DemoHistory(manager, organisation.id, today);
    const cycles = await seedDemoCycles(history, people, demoOrganisation.fiscalYearStartMonth);
    const assessments = await seedDemoAssessments(history, people, cycles);
    await seedDemoPlanHistory(history, people, plan, assessments);
    await seedDemoBoardPacks(history, people, cycles);
    return { signInHelp: `Created the demo organisation "${organisation.name}".` };
  });
}

/** How to sign in to the demo: printed last at every start while the demo organisation exists. */
export function demoAccounts(): string {
  const width = Math.max(...DEMO_PEOPLE.map((person) => person.email.length));
  return [
    `Demo accounts, each with the password ${DEMO_PASSWORD}:`,
    ...DEMO_PEOPLE.map((person) => `  ${person.email.padEnd(width)}  ${ROLE_LABELS[person.role]}`),
  ].join('\n');
}
