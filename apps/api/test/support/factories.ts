import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness';

/** A valid organisation body; each call gets a unique name so tests never collide. */
export function organisationInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Harbour Credit Union ${randomBytes(4).toString('hex')}`,
    currency: 'EUR',
    fiscalYearStartMonth: 1,
    timeZone: 'Europe/Dublin',
    locale: 'en-IE',
    ...overrides,
  };
}

export interface OrganisationBody {
  id: string;
  name: string;
  version: number;
  [field: string]: unknown;
}

export async function makeOrganisation(
  { http }: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<OrganisationBody> {
  const response = await http.post('/api/v1/organisations').send(organisationInput(overrides));
  if (response.status !== 201) {
    throw new Error(`makeOrganisation: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as OrganisationBody;
}
