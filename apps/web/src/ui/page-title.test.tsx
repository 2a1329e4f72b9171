import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInOrganisation } from '../test/render';
import { pageTitle, PRODUCT_NAME, usePageTitle } from './page-title';

function Page(props: { title: string; children?: ReactNode }) {
  usePageTitle(props.title);
  return (
    <section>
      <p>{props.title}</p>
      {props.children}
    </section>
  );
}

describe('usePageTitle', () => {
  it('names the page, then its organisation, then the product', () => {
    renderInOrganisation(<Page title="Milestones" />);

    expect(document.title).toBe(
      'Milestones · Guild of Independent Booksellers · Return-on-Impact planner',
    );
  });

  it('names only the page and the product outside an organisation', () => {
    render(<Page title="Sign in" />);

    expect(document.title).toBe('Sign in · Return-on-Impact planner');
  });

  it('follows a title that changes once the page has its data', () => {
    const { rerender } = render(<Page title="KPI" />);
    rerender(<Page title="KPI K1.1 Members renewing" />);

    expect(document.title).toBe('KPI K1.1 Members renewing · Return-on-Impact planner');
  });

  it('keeps the title of the page opened when another page is shown inside it', () => {
    const { rerender } = render(<Page title="Step 4: Organise" />);
    rerender(
      <Page title="Step 4: Organise">
        <Page title="Accountability map" />
      </Page>,
    );

    expect(document.title).toBe('Step 4: Organise · Return-on-Impact planner');
  });

  it('gives the bare product name back when the page goes', () => {
    const { unmount } = render(<Page title="Audit log" />);
    unmount();

    expect(document.title).toBe(PRODUCT_NAME);
  });
});

describe('pageTitle', () => {
  it('leaves out what is missing and trims the page’s name', () => {
    expect(pageTitle('  Members ', '')).toBe('Members · Return-on-Impact planner');
  });
});
