import { addDays } from '@roi/domain';
import type { EntityManager } from 'typeorm';

/**
 * The Guild's plan, so that a newcomer sees a living strategy map on first start: dated around the
 * day of seeding (a baseline four months back, targets eight months ahead), with measurements, an
 * experiment, milestones done, late, missed (each for a different cause) and coming up, and a
 * dependency between two of them.
 */
export async function seedDemoPlan(
  manager: EntityManager,
  organisationId: string,
  people: Record<'owner' | 'executive' | 'programManager' | 'contributor', string>,
  today: string,
): Promise<DemoPlan> {
  const day = (offset: number) => addDays(today, offset);
  const insert = async (table: string, row: Record<string, unknown>): Promise<string> => {
    const columns = Object.keys(row);
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO ${table} (organisation_id, ${columns.join(', ')})
       VALUES ($1, ${columns.map((_, index) => `$${index + 2}`).join(', ')}) RETURNING id`,
      [organisationId, ...Object.values(row)],
    );
    return created!.id;
  };
  // Link tables have no id of their own.
  const link = async (table: string, left: string, right: string, ids: [string, string]) => {
    await manager.query(
      `INSERT INTO ${table} (organisation_id, ${left}, ${right}) VALUES ($1, $2, $3)`,
      [organisationId, ...ids],
    );
  };

  const retention = await insert('outcomes', {
    title: 'Keep more members: renewals back to 94%',
    kind: 'retention',
    owner_user_id: people.executive,
    description:
      'Renewals fell from 94% to 89% in three years; each point is about £44,000 a year.',
  });
  const reputation = await insert('outcomes', {
    title: 'Be the voice of independent bookselling',
    kind: 'reputation',
    owner_user_id: people.owner,
    position: 1,
  });
  const answer = await insert('objectives', {
    outcome_id: retention,
    title: 'Answer every member question on social within one working day',
  });
  const community = await insert('objectives', {
    outcome_id: retention,
    title: 'Turn Bookshop Day into a year-round member community',
    position: 1,
  });
  const voice = await insert('objectives', {
    outcome_id: reputation,
    title: 'Give member booksellers a public voice',
  });

  const kpi = (objective: string, row: Record<string, unknown>) =>
    insert('kpis', {
      objective_id: objective,
      baseline_date: day(-120),
      target_date: day(245),
      ...row,
    });
  const renewals = await kpi(answer, {
    code: 'G-RENEW',
    name: 'Member renewal rate',
    unit: '%',
    direction: 'increase',
    baseline_value: '89',
    target_value: '94',
    source: 'Membership system, monthly renewals report',
  });
  const responseTime = await kpi(answer, {
    code: 'G-REPLY',
    name: 'Median reply time to member questions',
    unit: 'hours',
    direction: 'decrease',
    baseline_value: '30',
    target_value: '8',
    source: 'Social inbox export',
  });
  const members = await kpi(community, {
    code: 'G-CIRCLE',
    name: 'Members active in the Booksellers’ Circle group',
    unit: 'members',
    direction: 'increase',
    baseline_value: '85',
    target_value: '300',
    source: 'Group insights',
  });
  const mentions = await kpi(voice, {
    code: 'G-PRESS',
    name: 'Press and podcast mentions of member booksellers a quarter',
    unit: 'mentions',
    direction: 'increase',
    baseline_value: '6',
    target_value: '20',
    source: 'Media monitoring',
  });
  await insert('plan_comments', {
    subject_type: 'kpi',
    subject_id: mentions,
    kind: 'challenge',
    body: 'Twenty mentions a quarter is more than three times the baseline. What makes us think a podcast gets there?',
    author_user_id: people.executive,
  });
  const measure = async (kpiId: string, values: [number, string][]) => {
    for (const [offset, value] of values) {
      await insert('kpi_measurements', { kpi_id: kpiId, date: day(offset), value });
    }
  };
  await measure(renewals, [
    [-90, '89.2'],
    [-60, '89.9'],
    [-30, '90.4'],
    [-2, '90.9'],
  ]);
  await measure(responseTime, [
    [-90, '27'],
    [-60, '22'],
    [-30, '21'],
    [-2, '20'],
  ]);
  await measure(members, [
    [-60, '96'],
    [-30, '104'],
    [-2, '110'],
  ]);

  const initiative = async (objectives: string[], row: Record<string, unknown>) => {
    const id = await insert('initiatives', row);
    for (const objective of objectives) {
      await link('initiative_objectives', 'initiative_id', 'objective_id', [id, objective]);
    }
    return id;
  };
  const inbox = await initiative([answer], {
    code: 'G-INBOX',
    name: 'One shared social inbox with a reply rota',
    channels: ['Facebook', 'Instagram', 'X'],
    budget: '6400.00',
    accountable_user_id: people.executive,
    responsible_user_id: people.contributor,
    starts_on: day(-100),
    ends_on: day(60),
  });
  const circle = await initiative([community, voice], {
    code: 'G-CIRCLE',
    name: 'Booksellers’ Circle: a private member group with monthly live sessions',
    channels: ['Facebook groups', 'YouTube'],
    budget: '18250.00',
    accountable_user_id: people.owner,
    responsible_user_id: people.programManager,
    starts_on: day(-60),
    ends_on: day(240),
  });
  const podcast = await initiative([voice], {
    code: 'G-PODCAST',
    name: 'Experiment: a fortnightly podcast hosted by member booksellers',
    channels: ['Podcast', 'Instagram'],
    budget: '3500.00',
    accountable_user_id: people.owner,
    responsible_user_id: people.contributor,
    starts_on: day(-45),
    ends_on: day(45),
    is_experiment: true,
    hypothesis: 'Booksellers talking about books win more press mentions than Guild statements do.',
    success_criteria: 'Eight press or podcast mentions of hosts within three months.',
    kill_criteria: 'Fewer than 150 listens an episode after six episodes.',
    decision_date: day(45),
  });

  const milestone = (initiativeId: string, row: Record<string, unknown>) =>
    insert('milestones', { initiative_id: initiativeId, ...row });
  const rota = await milestone(inbox, {
    title: 'Reply rota agreed with the membership team',
    owner_user_id: people.contributor,
    due_date: day(-70),
    status: 'done',
    done_on: day(-72),
  });
  const tool = await milestone(inbox, {
    title: 'Shared inbox tool live on every channel',
    owner_user_id: people.programManager,
    due_date: day(-10),
    status: 'in_progress',
  });
  const training = await milestone(inbox, {
    title: 'Every responder trained on tone and escalation',
    owner_user_id: people.contributor,
    due_date: day(12),
  });
  await link('milestone_dependencies', 'milestone_id', 'depends_on_id', [tool, rota]);
  await link('milestone_dependencies', 'milestone_id', 'depends_on_id', [training, tool]);
  const group = await milestone(circle, {
    title: 'Private group opened to all 640 member shops',
    owner_user_id: people.programManager,
    due_date: day(-20),
    status: 'done',
    done_on: day(-18),
  });
  const session = await milestone(circle, {
    title: 'First monthly live session with a guest author',
    owner_user_id: people.programManager,
    due_date: day(9),
    status: 'in_progress',
  });
  await milestone(circle, {
    title: 'Bookshop Day 2027 planned with the Circle',
    owner_user_id: people.executive,
    due_date: day(150),
  });
  await link('milestone_dependencies', 'milestone_id', 'depends_on_id', [session, group]);
  // Missed, each for a different cause, so the counts by category have something to count.
  await milestone(inbox, {
    title: 'Instagram messages answered from the shared inbox',
    owner_user_id: people.programManager,
    due_date: day(-30),
    status: 'missed',
    miss_category: 'dependency',
    miss_note: 'The inbox vendor does not support Instagram business accounts yet.',
  });
  await milestone(circle, {
    title: 'Regional meet-ups in four cities',
    owner_user_id: people.contributor,
    due_date: day(-40),
    status: 'missed',
    miss_category: 'resources',
    miss_note: 'One volunteer organiser came forward, and the budget did not stretch to venues.',
  });
  await milestone(podcast, {
    title: 'A video version of every episode',
    owner_user_id: people.contributor,
    due_date: day(-15),
    status: 'missed',
    miss_category: 'scope_change',
    miss_note: 'Cut from the experiment: audio only until the kill criteria are judged.',
  });

  const checkIn = (milestoneId: string, row: Record<string, unknown>) =>
    insert('check_ins', {
      milestone_id: milestoneId,
      author_user_id: people.programManager,
      ...row,
    });
  await checkIn(tool, {
    date: day(-24),
    progress: 40,
    confidence: 'medium',
    note: 'Vendor chosen.',
  });
  await checkIn(tool, {
    date: day(-5),
    progress: 70,
    confidence: 'low',
    note: 'Instagram connection still failing.',
    blockers: 'Waiting on the vendor to support Instagram business accounts.',
  });
  await checkIn(session, {
    date: day(-3),
    progress: 50,
    confidence: 'high',
    note: 'Author confirmed.',
  });
  return {
    outcomes: { retention, reputation },
    objectives: { answer, community, voice },
    kpis: { renewals, responseTime, members, mentions },
    initiatives: { inbox, circle, podcast },
  };
}

/** The ids of what the plan holds, for the rest of the demo's story to refer to. */
export interface DemoPlan {
  outcomes: Record<'retention' | 'reputation', string>;
  objectives: Record<'answer' | 'community' | 'voice', string>;
  kpis: Record<'renewals' | 'responseTime' | 'members' | 'mentions', string>;
  initiatives: Record<'inbox' | 'circle' | 'podcast', string>;
}
