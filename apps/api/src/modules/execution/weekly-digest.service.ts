import { Injectable } from '@nestjs/common';
import { MISS_CATEGORY_LABELS, type MilestoneRiskReason } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import { MailService } from '../mail/mail.service';
import type { MilestoneDto } from './dto/milestone.dto';
import type { WeeklyDigestDto } from './dto/program-views.dto';
import { atRiskMilestones, dueSoonMilestones, overdueMilestones } from './program-views';
import { PROGRAM_VIEW_SQL } from './program-views.queries';

export const DIGEST_DUE_SOON_DAYS = 14;

const RISK_WORDS: Record<MilestoneRiskReason, string> = {
  overdue: 'overdue',
  late_dependency: 'depends on a late milestone',
  low_confidence: 'last check-in with low confidence',
};

interface Recipient {
  id: string;
  name: string;
  email: string;
}

/**
 * The weekly digest: every member who owns a late, at-risk or soon-due milestone, or is
 * accountable or responsible for its initiative, gets one mail listing those milestones. The
 * lists are the program views' own (overdue, at-risk, due in 14 days), as of `asOf`.
 */
@Injectable()
export class WeeklyDigestService {
  constructor(private readonly mail: MailService) {}

  async send(
    manager: EntityManager,
    organisationId: string,
    asOf: string,
  ): Promise<WeeklyDigestDto> {
    const late = await overdueMilestones(manager, organisationId, asOf);
    const atRisk = await atRiskMilestones(manager, organisationId, asOf);
    const dueSoon = await dueSoonMilestones(manager, organisationId, asOf, DIGEST_DUE_SOON_DAYS);

    const concerned = new Map<string, Set<string>>();
    for (const milestone of [...late, ...atRisk, ...dueSoon]) {
      for (const person of [
        milestone.ownerUserId,
        milestone.accountableUserId,
        milestone.responsibleUserId,
      ]) {
        concerned.set(person, (concerned.get(person) ?? new Set()).add(milestone.id));
      }
    }
    const recipients: Recipient[] =
      concerned.size === 0
        ? []
        : await manager.query(PROGRAM_VIEW_SQL.digestRecipients, [
            organisationId,
            [...concerned.keys()],
          ]);
    const [organisation]: { name: string }[] = await manager.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    for (const recipient of recipients) {
      const theirs = concerned.get(recipient.id) ?? new Set<string>();
      const mine = (milestones: MilestoneDto[]) =>
        milestones.filter((milestone) => theirs.has(milestone.id));
      await this.mail.send(manager, {
        organisationId,
        to: recipient.email,
        ...composeDigest(recipient, organisation?.name ?? '', asOf, {
          late: mine(late),
          atRisk: mine(atRisk),
          dueSoon: mine(dueSoon),
        }),
      });
    }
    return {
      recipients: recipients.length,
      late: late.length,
      atRisk: atRisk.length,
      dueSoon: dueSoon.length,
    };
  }
}

/**
 * One person's digest. Each milestone appears once, under the first heading that fits it: a late
 * milestone is also at risk, and one at risk may also be due soon.
 */
export function composeDigest(
  recipient: { name: string },
  organisationName: string,
  asOf: string,
  lists: { late: MilestoneDto[]; atRisk: MilestoneDto[]; dueSoon: MilestoneDto[] },
): { subject: string; text: string } {
  const shown = new Set<string>();
  const once = (milestones: MilestoneDto[]) =>
    milestones.filter((milestone) => {
      if (shown.has(milestone.id)) return false;
      shown.add(milestone.id);
      return true;
    });
  const late = once(lists.late);
  const atRisk = once(lists.atRisk);
  const dueSoon = once(lists.dueSoon);
  const section = (
    heading: string,
    milestones: MilestoneDto[],
    describe: (m: MilestoneDto) => string,
  ) =>
    milestones.length === 0
      ? []
      : [
          `${heading} (${milestones.length})`,
          ...milestones.map((milestone) => `- ${describe(milestone)}`),
          '',
        ];
  const line = (milestone: MilestoneDto, detail: string) =>
    `${milestone.initiativeCode} ${milestone.initiativeName}: "${milestone.title}", due ${milestone.dueDate}, owner ${milestone.ownerName}${detail}`;
  const text = [
    `Hello ${recipient.name},`,
    '',
    `Where the milestones you own, or whose initiatives you are accountable or responsible for, stand on ${asOf} at ${organisationName}:`,
    '',
    ...section('Late', late, (milestone) =>
      line(milestone, milestone.status === 'missed' ? ` (missed: ${missedFor(milestone)})` : ''),
    ),
    ...section('At risk', atRisk, (milestone) =>
      line(milestone, ` (${milestone.riskReasons.map((reason) => RISK_WORDS[reason]).join('; ')})`),
    ),
    ...section(`Due in the next ${DIGEST_DUE_SOON_DAYS} days`, dueSoon, (milestone) =>
      line(milestone, ''),
    ),
    'Record a check-in or update the status in the planner.',
  ].join('\n');
  return {
    subject: `Milestones this week: ${late.length} late, ${atRisk.length} at risk, ${dueSoon.length} due soon (${organisationName})`,
    text,
  };
}

/** The category's label; one without a category (which the database refuses) reads as Other. */
function missedFor(milestone: MilestoneDto): string {
  return MISS_CATEGORY_LABELS[milestone.missCategory ?? 'other'];
}
