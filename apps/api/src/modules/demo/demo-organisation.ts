import type { CreateOrganisationDto } from '../organisations/dto/create-organisation.dto';

/**
 * The organisation a newcomer explores on first start: a membership association whose leaders
 * want to know what their social media returns (member retention, event sales, reputation), the
 * kind of organisation the product was designed around.
 */
export const demoOrganisation: Required<CreateOrganisationDto> = {
  name: 'Guild of Independent Booksellers',
  sector: 'Membership association: independent bookshops',
  description:
    'Membership association of 640 independent bookshops across the United Kingdom and Ireland, ' +
    'founded in 1961. Runs Bookshop Day each October, a members’ buying group and a training ' +
    'academy for booksellers. 38 staff; annual income £6.2m, 71% of it from member ' +
    'subscriptions. Member renewals fell from 94% to 89% over the last three years.',
  currency: 'GBP',
  fiscalYearStartMonth: 4,
  timeZone: 'Europe/London',
  locale: 'en-GB',
};
