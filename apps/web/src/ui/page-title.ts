import { useContext, useEffect, useState } from 'react';
import { OrganisationContext } from '../session/organisation';

/** What every tab says after the page's own name. */
export const PRODUCT_NAME = 'Return-on-Impact planner';

/**
 * The tab's title for a page: its own name first (what a person scanning tabs or history reads),
 * then the organisation it belongs to, then the product: "Milestones · Guild of Independent
 * Booksellers · Return-on-Impact planner".
 */
export function pageTitle(title: string, organisationName?: string): string {
  return [title.trim(), organisationName, PRODUCT_NAME].filter(Boolean).join(' · ');
}

// The titles the pages shown now ask for, by the order in which they first rendered. A page
// shown inside another (a step's workspace holding the accountability map) renders after its
// host, so the host's title, the page the person opened, is the one the tab shows.
let nextOrder = 0;
const claims = new Map<number, string>();

function showOutermost() {
  const outermost = Math.min(...claims.keys());
  document.title = claims.get(outermost) ?? PRODUCT_NAME;
}

/**
 * Sets the document's title while the page is shown, naming the current organisation when the
 * page sits in one; leaving the page gives the bare product name back.
 */
export function usePageTitle(title: string): void {
  const organisationName = useContext(OrganisationContext)?.membership.organisationName;
  const [order] = useState(() => nextOrder++);
  const full = pageTitle(title, organisationName);
  useEffect(() => {
    claims.set(order, full);
    showOutermost();
    return () => {
      claims.delete(order);
      showOutermost();
    };
  }, [order, full]);
}
