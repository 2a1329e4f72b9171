import { AssessmentEntity } from '../assessments/assessment.entity';
import { recordBaselineFigures } from '../assessments/baseline-figures';
import type { DemoCycles, DemoPeople } from './demo-cycles';
import { changed, created, type DemoHistory, type DemoPerson } from './demo-history';

interface Evidence {
  text?: string;
  url?: string;
  figure?: number;
}
/** One answer per question, in the template's order; null skips a question. */
type Answers = (unknown | null)[];
interface Respondent {
  person: DemoPerson;
  submittedOn: number;
  answers: Answers;
  /** Evidence by question position. */
  evidence?: Record<number, Evidence>;
}
interface Question {
  id: string;
  position: number;
}

export interface DemoAssessments {
  findings: Record<'beliefGap' | 'slowReplies' | 'octoberOnly' | 'silentBooksellers', string>;
  baselineFigures: Record<'replyHours' | 'activeMembers' | 'mentions', string>;
}

/** Days from the seeding day. */
const PREVIOUS_MATURITY = { opened: -512, closed: -498 };
const PULSE = { opened: -148, deadline: -136, closed: -130 };
const MATURITY = { opened: -148, deadline: -130, closed: -126 };
/** Closing the channel audit dates its baseline figures: the day the plan's KPIs start from. */
const CHANNEL_AUDIT = { opened: -147, deadline: -125, closed: -120 };

// Fourteen statements, two for each of the seven dimensions, rated 1-5 (see the maturity template).
const MATURITY_LAST_YEAR: [keyof DemoPeople, number[]][] = [
  ['owner', [3, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 1, 1, 1]],
  ['executive', [2, 2, 3, 2, 1, 1, 3, 2, 2, 1, 2, 2, 2, 1]],
  ['consultant', [2, 2, 2, 1, 2, 1, 2, 2, 1, 2, 2, 1, 1, 1]],
];
const MATURITY_THIS_YEAR: [keyof DemoPeople, number[]][] = [
  ['owner', [4, 3, 4, 4, 3, 2, 3, 3, 3, 3, 3, 2, 2, 2]],
  ['executive', [3, 3, 4, 3, 2, 2, 4, 2, 3, 2, 3, 2, 3, 2]],
  ['consultant', [3, 3, 3, 3, 3, 2, 3, 2, 2, 3, 2, 2, 2, 2]],
  ['programManager', [3, 2, 3, 3, 2, 2, 3, 3, 3, 2, 3, 3, 2, 2]],
];

/**
 * Step 1 of both cycles: last year's maturity assessment (stage 2, Presence), and this year's
 * leadership pulse with its evidence and findings, maturity assessment (stage 3, Engagement, shown
 * against last year's) and the Guild's own channel audit, whose figures the KPIs take as baselines.
 * Answers are stored as the services store them; scores are computed from them when read.
 */
export async function seedDemoAssessments(
  history: DemoHistory,
  people: DemoPeople,
  cycles: DemoCycles,
): Promise<DemoAssessments> {
  const { consultant, owner } = people;
  const maturityTemplate = await builtInTemplate(history, 'maturity');
  const pulseTemplate = await builtInTemplate(history, 'leadership-pulse');

  await seedAssessment(history, {
    cycleId: cycles.previous,
    template: maturityTemplate,
    title: 'Maturity assessment, first year',
    dates: PREVIOUS_MATURITY,
    by: consultant,
    respondents: MATURITY_LAST_YEAR.map(([who, ratings], index) => ({
      person: people[who],
      submittedOn: PREVIOUS_MATURITY.opened + 5 + index,
      answers: ratings,
    })),
  });
  const maturity = await seedAssessment(history, {
    cycleId: cycles.current,
    template: maturityTemplate,
    title: 'Maturity assessment, second year',
    dates: MATURITY,
    by: consultant,
    respondents: MATURITY_THIS_YEAR.map(([who, ratings], index): Respondent => ({
      person: people[who],
      submittedOn: MATURITY.opened + 6 + index,
      answers: ratings,
      evidence: who === 'executive' ? { 7: { text: 'Inbox export: median reply 30 hours' } } : {},
    })),
  });

  const pulse = await seedAssessment(history, {
    cycleId: cycles.current,
    template: pulseTemplate,
    title: 'Leadership pulse',
    dates: PULSE,
    by: consultant,
    respondents: [
      {
        person: owner,
        submittedOn: -146,
        answers: [4, 'Renewals back above 92% with social named as a reason in the survey.'],
        evidence: { 0: { text: 'Bookshop Day posts reached 210,000 people last October.' } },
      },
      {
        person: people.executive,
        submittedOn: -144,
        answers: [3, 'Every member question answered within a working day.'],
        evidence: {
          0: { text: 'Renewal survey: 12% of lapsed members name slow answers.', figure: 12 },
        },
      },
      {
        person: people.programManager,
        submittedOn: -141,
        answers: [2, null],
        evidence: {
          0: { text: 'Median reply time to member questions: 30 hours.', figure: 30 },
        },
      },
      {
        person: consultant,
        submittedOn: -139,
        answers: [2, 'Booksellers themselves heard in our channels, not only the Guild.'],
        evidence: {
          0: {
            text: 'Benchmark of eight membership bodies: the Guild posts most, answers least.',
            url: 'https://northlight-advisory.example/benchmarks/guild-2026',
          },
        },
      },
    ],
  });
  const finding = async (
    title: string,
    row: { dimension: string; severity: 'low' | 'medium' | 'high'; text: string },
    assessment: { id: string; answers: Map<string, string[]> },
    citing: DemoPerson[],
  ) => {
    const answerIds = citing.flatMap(
      (person) => assessment.answers.get(person.id)?.slice(0, 1) ?? [],
    );
    const at = history.moment(PULSE.closed + 1, '11:00');
    const id = await history.insert('findings', {
      assessment_id: assessment.id,
      title,
      dimension: row.dimension,
      severity: row.severity,
      text: row.text,
      answer_ids: answerIds,
      created_at: at,
    });
    await history.audit({
      at,
      actor: consultant,
      type: 'finding',
      id,
      action: 'create',
      changes: created({ assessmentId: assessment.id, title, ...row, answerIds }),
    });
    return id;
  };
  const findings = {
    beliefGap: await finding(
      'Leaders rate our social media higher than members experience it',
      {
        dimension: 'leadership pulse',
        severity: 'high',
        text: 'The two highest ratings rest on reach; the evidence from members (renewal survey, reply times) supports a 2.',
      },
      pulse,
      [owner, people.executive],
    ),
    slowReplies: await finding(
      'Member questions wait more than a day for an answer',
      {
        dimension: 'customer engagement',
        severity: 'high',
        text: 'Median reply 30 hours; lapsed members name slow answers as a reason to leave.',
      },
      pulse,
      [people.programManager, people.executive],
    ),
    octoberOnly: await finding(
      'Bookshop Day’s audience disappears between Octobers',
      {
        dimension: 'customer engagement',
        severity: 'medium',
        text: 'Nine in ten interactions of the year fall in the four weeks around Bookshop Day.',
      },
      maturity,
      [],
    ),
    silentBooksellers: await finding(
      'Member booksellers are absent from our channels',
      {
        dimension: 'purpose and strategy',
        severity: 'medium',
        text: 'The Guild speaks for booksellers but rarely lets them speak: 6 press mentions of members a quarter.',
      },
      pulse,
      [consultant],
    ),
  };

  const auditTemplate = await guildChannelAudit(history);
  const audit = await seedAssessment(history, {
    cycleId: cycles.current,
    template: auditTemplate,
    title: 'Channel and listening audit',
    dates: CHANNEL_AUDIT,
    by: consultant,
    respondents: [
      channelAuditAnswers(
        people.contributor,
        -133,
        [4, 2, 1, 1, 2, 2],
        [18400, 42, 610, 57],
        [28, 85, 5],
      ),
      channelAuditAnswers(
        people.programManager,
        -131,
        [4, 3, 1, 1, 1, 2],
        [18400, 38, 650, 57],
        [32, 85, 7],
      ),
    ],
  });
  const figureOf = async (position: number) => {
    const [row]: { id: string }[] = await history.manager.query(
      `SELECT f.id FROM baseline_figures f JOIN template_questions q ON q.id = f.question_id
        WHERE f.assessment_id = $1 AND q.position = $2`,
      [audit.id, position],
    );
    return row!.id;
  };
  return {
    findings,
    baselineFigures: {
      replyHours: await figureOf(auditTemplate.ownFrom),
      activeMembers: await figureOf(auditTemplate.ownFrom + 1),
      mentions: await figureOf(auditTemplate.ownFrom + 2),
    },
  };
}

async function builtInTemplate(
  history: DemoHistory,
  key: string,
): Promise<{ id: string; questions: Question[] }> {
  const questions: (Question & { templateId: string })[] = await history.manager.query(
    `SELECT q.id, q.position, t.id AS "templateId"
       FROM template_questions q JOIN assessment_templates t ON t.id = q.template_id
      WHERE t.organisation_id IS NULL AND t.key = $1
        AND t.version = (SELECT max(version) FROM assessment_templates
                          WHERE organisation_id IS NULL AND key = $1)
      ORDER BY q.position`,
    [key],
  );
  return { id: questions[0]!.templateId, questions };
}

/**
 * The built-in channel audit copied as the Guild's own, with three quantities of its own that the
 * plan's KPIs measure, as an organisation does through the template editor.
 */
async function guildChannelAudit(
  history: DemoHistory,
): Promise<{ id: string; questions: Question[]; ownFrom: number }> {
  const source = await builtInTemplate(history, 'channel-audit');
  const name = 'Guild channel and listening audit';
  const at = history.moment(CHANNEL_AUDIT.opened - 1, '15:00');
  const id = await history.insert('assessment_templates', {
    key: 'guild-channel-and-listening-audit',
    name,
    description:
      'The built-in channel audit, with the quantities the Guild’s KPIs start from: reply time, active members, mentions of member booksellers.',
    version: 1,
    based_on_template_id: source.id,
    created_at: at,
  });
  await history.manager.query(
    `INSERT INTO template_questions
       (template_id, position, dimension, kind, prompt, anchors, options, unit, evidence_required)
     SELECT $1, position, dimension, kind, prompt, anchors, options, unit, evidence_required
       FROM template_questions WHERE template_id = $2`,
    [id, source.id],
  );
  const ownFrom = source.questions.length;
  const own = [
    ['participation', 'Median hours to answer a member question in social channels', 'hours'],
    ['community', 'Members active in the Guild’s own groups in the last month', 'members'],
    ['reputation', 'Press and podcast mentions of member booksellers last quarter', 'mentions'],
  ];
  for (const [offset, [dimension, prompt, unit]] of own.entries()) {
    await history.manager.query(
      `INSERT INTO template_questions
         (template_id, position, dimension, kind, prompt, unit, evidence_required)
       VALUES ($1, $2, $3, 'number', $4, $5, true)`,
      [id, ownFrom + offset, dimension, prompt, unit],
    );
  }
  // Templates are not audited entities: their versions are their own history.
  const questions: Question[] = await history.manager.query(
    `SELECT id, position FROM template_questions WHERE template_id = $1 ORDER BY position`,
    [id],
  );
  return { id, questions, ownFrom };
}

function channelAuditAnswers(
  person: DemoPerson,
  submittedOn: number,
  activity: number[],
  [followers, posts, interactions, reviews]: number[],
  [replyHours, activeMembers, mentions]: number[],
): Respondent {
  const exports = 'Month-end exports from Meta Business Suite and X analytics';
  // The built-in questions in their order (channels, activity on each, four quantities,
  // listening), then the Guild's own three quantities.
  const answers: [unknown, Evidence?][] = [
    [['Social networks', 'Multimedia sharing', 'Review sites', 'Communities']],
    ...activity.map((rating): [unknown] => [rating]),
    [followers, { text: exports }],
    [posts, { text: exports }],
    [interactions, { text: exports }],
    [reviews, { text: 'Google and Trustpilot reviews, last twelve months' }],
    ['Ad hoc searches'],
    [replyHours, { text: 'Social inbox export, last 90 days', figure: replyHours }],
    [activeMembers, { text: 'Facebook group insights' }],
    [mentions, { text: 'Media monitoring report' }],
  ];
  return {
    person,
    submittedOn,
    answers: answers.map(([value]) => value),
    evidence: Object.fromEntries(
      answers.flatMap(([, evidence], position) => (evidence ? [[position, evidence]] : [])),
    ),
  };
}

/**
 * A closed assessment with submitted responses, as AssessmentsService leaves it: its respondents,
 * their answers with evidence, and on closing the baseline figures of its number questions.
 * Returns each respondent's answer ids in question order, for findings to cite.
 */
async function seedAssessment(
  history: DemoHistory,
  input: {
    cycleId: string;
    template: { id: string; questions: Question[] };
    title: string;
    dates: { opened: number; deadline?: number; closed: number };
    by: DemoPerson;
    respondents: Respondent[];
  },
): Promise<{ id: string; answers: Map<string, string[]> }> {
  const openedAt = history.moment(input.dates.opened, '09:30');
  const closedAt = history.moment(input.dates.closed, '17:00');
  const id = await history.insert('assessments', {
    cycle_id: input.cycleId,
    template_id: input.template.id,
    title: input.title,
    status: 'closed',
    deadline: input.dates.deadline === undefined ? null : history.day(input.dates.deadline),
    closed_at: closedAt,
    version: 2,
    created_at: openedAt,
  });
  await history.audit({
    at: openedAt,
    actor: input.by,
    type: 'assessment',
    id,
    action: 'create',
    changes: created({ cycleId: input.cycleId, templateId: input.template.id, title: input.title }),
  });
  const answers = new Map<string, string[]>();
  for (const respondent of input.respondents) {
    const submittedAt = history.moment(respondent.submittedOn, '12:00');
    const respondentId = await history.insert('assessment_respondents', {
      assessment_id: id,
      user_id: respondent.person.id,
      name: respondent.person.name,
      email: respondent.person.email,
      created_at: submittedAt,
    });
    const responseId = await history.insert('assessment_responses', {
      assessment_id: id,
      respondent_id: respondentId,
      respondent_user_id: respondent.person.id,
      status: 'submitted',
      submitted_at: submittedAt,
      version: 3,
      created_at: submittedAt,
    });
    const ids: string[] = [];
    for (const [position, value] of respondent.answers.entries()) {
      if (value === null) continue;
      const evidence = respondent.evidence?.[position];
      ids.push(
        await history.insert('assessment_answers', {
          response_id: responseId,
          question_id: input.template.questions[position]!.id,
          value: JSON.stringify(value),
          evidence_text: evidence?.text ?? null,
          evidence_url: evidence?.url ?? null,
          evidence_figure: evidence?.figure === undefined ? null : String(evidence.figure),
          created_at: submittedAt,
        }),
      );
    }
    answers.set(respondent.person.id, ids);
    await history.audit({
      at: submittedAt,
      actor: respondent.person,
      type: 'assessment_response',
      id: responseId,
      action: 'update',
      changes: changed({ status: 'draft' }, { status: 'submitted', submittedAt }),
    });
  }
  await history.audit({
    at: closedAt,
    actor: input.by,
    type: 'assessment',
    id,
    action: 'update',
    changes: changed({ status: 'open' }, { status: 'closed', closedAt }),
  });
  await recordBaselineFigures(
    history.manager,
    history.manager.create(AssessmentEntity, {
      id,
      organisationId: history.organisationId,
      cycleId: input.cycleId,
      closedAt: new Date(closedAt),
    }),
  );
  const figures: { id: string; name: string; value: string }[] = await history.manager.query(
    `SELECT id, name, value::text FROM baseline_figures WHERE assessment_id = $1`,
    [id],
  );
  for (const figure of figures) {
    await history.audit({
      at: closedAt,
      actor: input.by,
      type: 'baseline_figure',
      id: figure.id,
      action: 'create',
      changes: created({ assessmentId: id, name: figure.name, value: figure.value }),
    });
  }
  return { id, answers };
}
