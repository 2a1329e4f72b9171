import type { MilestoneDto } from './dto/milestone.dto';
import { composeDigest } from './weekly-digest.service';

function milestone(overrides: Partial<MilestoneDto>): MilestoneDto {
  return {
    id: 'm',
    initiativeId: 'i',
    initiativeCode: 'I-ASK',
    initiativeName: 'Ask-a-bookseller',
    accountableUserId: 'a',
    accountableName: 'Ama Mensah',
    responsibleUserId: 'r',
    responsibleName: 'Rui Costa',
    title: 'Milestone',
    ownerUserId: 'o',
    ownerName: 'Olu Ade',
    dueDate: '2026-05-01',
    status: 'planned',
    doneOn: null,
    missReason: null,
    missCategory: null,
    missNote: null,
    dependsOn: [],
    lastCheckIn: null,
    atRisk: false,
    riskReasons: [],
    version: 1,
    ...overrides,
  };
}

describe('composeDigest', () => {
  it('lists each milestone once, under the first heading that fits it', () => {
    const late = milestone({
      id: 'late',
      title: 'Brief agreed',
      dueDate: '2026-04-20',
      atRisk: true,
      riskReasons: ['overdue'],
    });
    const doubtful = milestone({
      id: 'doubtful',
      title: 'Videos shot',
      dueDate: '2026-05-08',
      atRisk: true,
      riskReasons: ['late_dependency', 'low_confidence'],
    });
    const soon = milestone({ id: 'soon', title: 'Launch post', dueDate: '2026-05-12' });
    const { subject, text } = composeDigest(
      { name: 'Ama Mensah' },
      'Harbour Credit Union',
      '2026-05-04',
      {
        late: [late],
        atRisk: [late, doubtful],
        dueSoon: [doubtful, soon],
      },
    );
    expect(subject).toBe(
      'Milestones this week: 1 late, 1 at risk, 1 due soon (Harbour Credit Union)',
    );
    expect(text.split('\n')).toEqual([
      'Hello Ama Mensah,',
      '',
      'Where the milestones you own, or whose initiatives you are accountable or responsible for, stand on 2026-05-04 at Harbour Credit Union:',
      '',
      'Late (1)',
      '- I-ASK Ask-a-bookseller: "Brief agreed", due 2026-04-20, owner Olu Ade',
      '',
      'At risk (1)',
      '- I-ASK Ask-a-bookseller: "Videos shot", due 2026-05-08, owner Olu Ade (depends on a late milestone; last check-in with low confidence)',
      '',
      'Due in the next 14 days (1)',
      '- I-ASK Ask-a-bookseller: "Launch post", due 2026-05-12, owner Olu Ade',
      '',
      'Record a check-in or update the status in the planner.',
    ]);
  });

  it('says what a missed milestone was missed for, by its category', () => {
    const { text } = composeDigest({ name: 'Rui' }, 'Org', '2026-05-04', {
      late: [milestone({ status: 'missed', missReason: 'plan', missCategory: 'scope_change' })],
      atRisk: [],
      dueSoon: [],
    });
    expect(text).toContain('owner Olu Ade (missed: Scope change)');
  });
});
