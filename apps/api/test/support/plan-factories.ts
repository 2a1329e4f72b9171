import type { TestUser } from './factories';

/**
 * A small plan to book money against: one outcome, one objective and as many initiatives as asked,
 * created over HTTP as a person would. Codes are unique per call.
 */
let made = 0;

export interface MadeInitiative {
  id: string;
  code: string;
  budget: string;
}

export async function makeInitiatives(
  owner: TestUser,
  organisationId: string,
  budgets: string[],
): Promise<{ objectiveId: string; initiatives: MadeInitiative[] }> {
  const base = `/api/v1/organisations/${organisationId}`;
  const outcome = await owner
    .post(`${base}/outcomes`)
    .send({ title: 'Grow revenue', kind: 'revenue', ownerUserId: owner.id });
  if (outcome.status !== 201) throw new Error(`outcome: ${JSON.stringify(outcome.body)}`);
  const objective = await owner
    .post(`${base}/objectives`)
    .send({ outcomeId: outcome.body.id, title: 'Sell through social', findingIds: [] });
  if (objective.status !== 201) throw new Error(`objective: ${JSON.stringify(objective.body)}`);
  const initiatives: MadeInitiative[] = [];
  for (const budget of budgets) {
    const code = `I-${++made}`;
    const response = await owner.post(`${base}/initiatives`).send({
      code,
      name: `Initiative ${code}`,
      objectiveIds: [objective.body.id],
      budget,
      accountableUserId: owner.id,
      responsibleUserId: owner.id,
      channels: ['Instagram'],
    });
    if (response.status !== 201) throw new Error(`initiative: ${JSON.stringify(response.body)}`);
    initiatives.push({ id: response.body.id, code, budget });
  }
  return { objectiveId: objective.body.id as string, initiatives };
}
