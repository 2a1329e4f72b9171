import { AccountabilityMapPage } from '../accountability/AccountabilityMapPage';

/**
 * Step 4, Organise: the accountability map itself (who is accountable and who is responsible for
 * each initiative, each person's load and the gaps), editable and printable as on its own page.
 */
export function OrganiseWorkspace() {
  return (
    <section aria-label="Accountability map">
      <AccountabilityMapPage />
    </section>
  );
}
