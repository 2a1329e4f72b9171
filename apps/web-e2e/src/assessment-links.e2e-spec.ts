import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { apiAsBrowser, DEMO_OWNER, DEMO_PASSWORD, signInThroughThePage } from './support/session';

const describeWithBrowser = hasChromium ? describe : describe.skip;

const EXECUTIVE = 'tom.achebe@guild-booksellers.example';
const PROGRAM_MANAGER = 'owen.hughes@guild-booksellers.example';
const PULSE_QUESTION = /How effectively do you feel/;

describeWithBrowser('respondents, response links and templates in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let orgId: string;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const pageOptions = {
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  };

  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage(pageOptions);
    page.setDefaultTimeout(10_000);
    await signInThroughThePage(page, product.baseUrl, email, DEMO_PASSWORD);
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}/);
    orgId = /organisations\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    return page;
  }

  /** `apiAsBrowser` for the verbs it does not cover (PUT, GET): the session's cookie and CSRF token. */
  async function callAsBrowser(
    context: BrowserContext,
    method: 'GET' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    const csrf =
      (await context.cookies(product.baseUrl)).find((cookie) => cookie.name === 'csrf_token')
        ?.value ?? '';
    const response = await context.request.fetch(`${product.baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    if (!response.ok())
      throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  /** The shell's header is fixed: a full-page picture taken scrolled down draws it mid-page. */
  async function screenshotFromTop(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
  }

  async function createCycle(owner: Page, name: string) {
    return (await apiAsBrowser(
      owner.context(),
      product.baseUrl,
      'POST',
      `/api/v1/organisations/${orgId}/cycles`,
      { name, startsOn: '2027-04-01', endsOn: '2028-03-31' },
    )) as { id: string };
  }

  it('asks members and a manager without an account, collects three answers, closes with results', async () => {
    const owner = await signedIn(DEMO_OWNER);
    await createCycle(owner, 'FY2028 social strategy');
    // The cycle was made behind the page's back (through the API): the page reads it afresh
    // rather than from the cycles its first view already holds.
    await owner.reload();

    // The owner starts a leadership pulse with a deadline.
    await owner
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessments', exact: true })
      .click();
    const start = owner.getByRole('form', { name: 'Start an assessment' });
    await start.getByLabel('Cycle').click();
    await owner.getByRole('option', { name: 'FY2028 social strategy' }).click();
    await start.getByLabel('Template').click();
    await owner.getByRole('option', { name: 'Leadership pulse', exact: true }).click();
    await start.getByLabel('Title').fill('Leadership pulse, spring 2027');
    await start.getByLabel('Answers due by').fill('2027-05-14');
    await start.getByRole('button', { name: 'Start' }).click();
    await owner.getByRole('heading', { name: 'Leadership pulse, spring 2027' }).waitFor();
    await owner.getByText('answers due by 2027-05-14').waitFor();
    const assessmentUrl = owner.url();
    const assessmentId = assessmentUrl.split('/').at(-1)!;

    // ... asks two members ...
    const panel = owner.getByRole('region', { name: 'Respondents' });
    await panel.getByText('Nobody asked yet.').waitFor();
    await panel.getByRole('button', { name: 'Ask members' }).click();
    const ask = panel.getByRole('form', { name: 'Ask members' });
    await ask.getByLabel('Members to ask').click();
    await owner.getByRole('option', { name: /^Tom Achebe/ }).click();
    await owner.getByRole('option', { name: /^Owen Hughes/ }).click();
    await owner.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Ask', exact: true }).click();
    const table = panel.getByRole('table', { name: 'Respondents' });
    await table
      .getByRole('row', { name: /Tom Achebe/ })
      .getByText('not started')
      .waitFor();
    await table
      .getByRole('row', { name: /Owen Hughes/ })
      .getByText('not started')
      .waitFor();

    // ... and creates a response link for a manager without an account.
    await panel.getByRole('button', { name: 'Create response link' }).click();
    const linkForm = panel.getByRole('form', { name: 'Create a response link' });
    await linkForm.getByLabel('Name').fill('Siobhán Kearney, Head of Retail');
    await linkForm.getByLabel('Email (optional)').fill('siobhan.kearney@retail.example');
    await linkForm.getByLabel('Days valid').fill('10');
    await linkForm.getByRole('button', { name: 'Create link' }).click();
    const created = panel.getByRole('status', { name: /^Response link for Siobhán Kearney/ });
    await created.getByText('Copy the link now: it is shown only this once.').waitFor();
    const linkUrl = await created.getByLabel('Response link').inputValue();
    expect(linkUrl).toMatch(/\/respond\/\S+$/);
    await created.getByRole('button', { name: 'Copy link' }).waitFor();
    await table
      .getByRole('row', { name: /Siobhán Kearney/ })
      .getByText('link active')
      .waitFor();
    await screenshotFromTop(owner, 'respondents-panel');
    await created.getByRole('button', { name: 'Done' }).click();
    expect(await panel.getByLabel('Response link').count()).toBe(0);

    // The manager opens the link without any session, answers with evidence and submits.
    const stranger = await browser.newContext(pageOptions);
    const manager = await stranger.newPage();
    manager.setDefaultTimeout(10_000);
    await manager.goto(linkUrl);
    await manager.getByRole('heading', { name: 'Leadership pulse, spring 2027' }).waitFor();
    await manager
      .getByText(/Guild of Independent Booksellers/)
      .first()
      .waitFor();
    await manager.getByText('Answers due by 14 May 2027').waitFor();
    await manager.getByText('Siobhán Kearney, Head of Retail').first().waitFor();
    const question = manager.getByRole('group', { name: PULSE_QUESTION });
    await question.getByRole('radio', { name: /^2 / }).check();
    // The rating asks for evidence: the page says so before the API would.
    await manager.getByRole('button', { name: 'Submit' }).click();
    await question.getByText('Say on what evidence you answered').waitFor();
    await question
      .getByLabel(/^Evidence for:/)
      .fill('Store footfall from social offers is flat since 2025');
    await question
      .getByLabel(/^Evidence link for:/)
      .fill('https://intranet.example/retail/footfall-2026');
    await manager.getByRole('button', { name: 'Save draft' }).click();
    await manager.getByText('Draft saved').waitFor();
    await screenshot(manager, 'respond-page');
    await manager.getByRole('button', { name: 'Submit' }).click();
    await manager.getByText('Thank you, Siobhán Kearney, Head of Retail').waitFor();
    const theirAnswers = manager.getByRole('region', { name: 'Your answers' });
    await theirAnswers.getByText(/^2 of 5/).waitFor();
    await theirAnswers.getByText(/Store footfall from social offers is flat/).waitFor();
    await screenshot(manager, 'respond-page-submitted');

    // One member answers in the app, the other through the API as their browser would.
    const executive = await signedIn(EXECUTIVE);
    await executive.goto(assessmentUrl);
    const theirQuestion = executive.getByRole('group', { name: PULSE_QUESTION });
    await theirQuestion.getByRole('radio', { name: /^4 / }).check();
    await theirQuestion.getByLabel(/^Evidence for:/).fill('Bookshop Day reach report');
    await executive.getByRole('button', { name: 'Submit' }).click();
    await executive.getByText('you have submitted').waitFor();

    const programManager = await signedIn(PROGRAM_MANAGER);
    const base = `/api/v1/organisations/${orgId}/assessments/${assessmentId}`;
    const assessment = (await callAsBrowser(programManager.context(), 'GET', base)) as {
      questions: { id: string; prompt: string }[];
    };
    const rated = assessment.questions.find((item) => PULSE_QUESTION.test(item.prompt))!;
    await callAsBrowser(programManager.context(), 'PUT', `${base}/my-response`, {
      answers: [
        {
          questionId: rated.id,
          value: 3,
          evidence: { text: 'Only 3 of 12 campaigns were measured' },
        },
      ],
    });
    await apiAsBrowser(
      programManager.context(),
      product.baseUrl,
      'POST',
      `${base}/my-response/submit`,
      {},
    );

    // The owner sees three submitted respondents and nobody left to remind.
    await owner.reload();
    // Exact: the respondents panel also says "3 of 3 submitted, …" once it has loaded.
    await owner.getByText('3 submitted', { exact: true }).waitFor();
    await panel.getByText('3 of 3 submitted, answers due by 2027-05-14.').waitFor();
    expect(await table.getByText('submitted', { exact: true }).count()).toBe(3);
    await table
      .getByRole('row', { name: /Siobhán Kearney/ })
      .getByText('link used')
      .waitFor();
    await panel.getByRole('button', { name: 'Remind those who have not answered' }).click();
    await panel
      .getByRole('status', { name: 'Nobody to remind' })
      .getByText('Everyone asked has submitted their answers.')
      .waitFor();

    await owner.getByRole('button', { name: 'Close assessment' }).click();
    await owner.getByText('closed', { exact: true }).waitFor();
    const results = owner.getByRole('region', { name: 'Results' });
    await results.getByText('Ratings from 2 to 4').waitFor();
    expect(
      await results
        .getByText('Respondents', { exact: true })
        .locator('xpath=following-sibling::*[1]')
        .innerText(),
    ).toBe('3');
    expect(await results.locator('.recharts-surface').count()).toBeGreaterThan(0);
    // Closed: the list stays, the tools to change it go.
    expect(await panel.getByRole('button', { name: 'Ask members' }).count()).toBe(0);
    await screenshotFromTop(owner, 'respondents-closed');

    // The used link now only shows what was submitted.
    await manager.goto(linkUrl);
    await manager.getByText('Thank you, Siobhán Kearney, Head of Retail').waitFor();
    await manager.getByText(/no longer change; this link has done its work/).waitFor();
    expect(await manager.getByRole('button', { name: 'Submit' }).count()).toBe(0);

    // An unknown link says so.
    await manager.goto(`${product.baseUrl}/respond/not-a-real-token`);
    await manager.getByText('This link does not open anything').waitFor();
    await stranger.close();
  });

  it('copies the leadership pulse, edits a question and saves it as version 2', async () => {
    const owner = await signedIn(DEMO_OWNER);
    await owner
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessment templates' })
      .click();
    const templates = owner.getByRole('table', { name: 'Templates' });
    const pulse = templates.getByRole('row', { name: /Leadership pulse/ }).first();
    await pulse.getByText('built-in').waitFor();
    await pulse.getByRole('button', { name: 'Copy Leadership pulse' }).click();

    const editor = owner.getByRole('form', { name: 'Template editor' });
    await editor.getByRole('heading', { name: 'Edit “Leadership pulse (copy)”' }).waitFor();
    await editor.getByLabel('Name', { exact: true }).fill('Branch managers pulse');
    const first = editor.getByRole('group', { name: 'Question 1' });
    await first
      .getByLabel('Question text')
      .fill('How effectively does your branch use social networks and media today?');

    // A number question without its unit is refused beside the unit.
    await editor.getByRole('button', { name: 'Add question' }).click();
    const third = editor.getByRole('group', { name: 'Question 3' });
    await third.getByLabel('Question text').fill('Followers of the branch page');
    await third.getByLabel('Answered as').click();
    await owner.getByRole('option', { name: 'Number (a baseline figure)' }).click();
    await editor.getByRole('button', { name: 'Save as version 2' }).click();
    await third.getByText('A number says its unit').waitFor();
    await screenshotFromTop(owner, 'template-editor');
    await third.getByLabel('Unit').fill('followers');
    await third.getByRole('button', { name: 'Move question 3 up' }).click();
    expect(
      await editor
        .getByRole('group', { name: 'Question 2' })
        .getByLabel('Question text')
        .inputValue(),
    ).toBe('Followers of the branch page');
    await editor.getByRole('button', { name: 'Save as version 2' }).click();

    await owner
      .getByText(
        'Saved “Branch managers pulse” as version 2; assessments already running keep version 1.',
      )
      .waitFor();
    const mine = templates.getByRole('row', { name: /Branch managers pulse/ });
    await mine.getByText('own', { exact: true }).waitFor();
    expect(await mine.getByRole('cell').nth(1).innerText()).toBe('2');
    await mine.getByRole('button', { name: 'Questions of Branch managers pulse' }).click();
    await templates.getByText('Followers of the branch page').waitFor();
    await screenshotFromTop(owner, 'templates-list');

    // Someone else saves version 3 meanwhile: this edit is told, and loads it.
    await mine.getByRole('button', { name: 'Edit Branch managers pulse' }).click();
    await editor.getByRole('button', { name: 'Save as version 3' }).waitFor();
    const templateList = (await callAsBrowser(
      owner.context(),
      'GET',
      `/api/v1/organisations/${orgId}/assessment-templates`,
    )) as {
      id: string;
      name: string;
      description: string;
      version: number;
      questions: Record<string, unknown>[];
    }[];
    const latest = templateList.find((template) => template.name === 'Branch managers pulse')!;
    await callAsBrowser(
      owner.context(),
      'PUT',
      `/api/v1/organisations/${orgId}/assessment-templates/${latest.id}`,
      {
        name: latest.name,
        description: 'Asked of every branch manager',
        version: latest.version,
        questions: latest.questions.map((question) => ({
          dimension: question.dimension,
          kind: question.kind,
          prompt: question.prompt,
          ...(question.anchors ? { anchors: question.anchors } : {}),
          ...(question.options ? { options: question.options } : {}),
          ...(question.unit ? { unit: question.unit } : {}),
          evidenceRequired: question.evidenceRequired,
        })),
      },
    );
    await editor.getByLabel('Description').fill('For branch managers');
    await editor.getByRole('button', { name: 'Save as version 3' }).click();
    await editor.getByText('Changed by someone else').waitFor();
    await editor.getByRole('button', { name: 'Load version 3' }).click();
    expect(await editor.getByLabel('Description').inputValue()).toBe(
      'Asked of every branch manager',
    );
    await editor.getByRole('button', { name: 'Save as version 4' }).click();
    await owner.getByText(/as version 4; assessments already running keep version 3/).waitFor();
  });

  it('shows the baseline figures a closed channel audit recorded', async () => {
    const owner = await signedIn(DEMO_OWNER);
    const cycle = await createCycle(owner, 'FY2029 social strategy');
    const templates = (await callAsBrowser(
      owner.context(),
      'GET',
      `/api/v1/organisations/${orgId}/assessment-templates`,
    )) as { id: string; key: string }[];
    const audit = (await apiAsBrowser(
      owner.context(),
      product.baseUrl,
      'POST',
      `/api/v1/organisations/${orgId}/assessments`,
      {
        cycleId: cycle.id,
        templateId: templates.find((template) => template.key === 'channel-audit')!.id,
        title: 'Channel audit 2027',
      },
    )) as { id: string; questions: { id: string; prompt: string }[] };
    const base = `/api/v1/organisations/${orgId}/assessments/${audit.id}`;
    const followers = audit.questions.find((item) => item.prompt.startsWith('Followers'))!;
    await callAsBrowser(owner.context(), 'PUT', `${base}/my-response`, {
      answers: [
        { questionId: followers.id, value: 12400, evidence: { text: 'Platform dashboards' } },
      ],
    });
    await apiAsBrowser(owner.context(), product.baseUrl, 'POST', `${base}/my-response/submit`, {});
    await apiAsBrowser(owner.context(), product.baseUrl, 'POST', `${base}/close`, {});

    await owner.goto(`${product.baseUrl}/organisations/${orgId}/assessments/${audit.id}`);
    const figures = owner.getByRole('table', { name: 'Baseline figures' });
    const row = figures.getByRole('row', { name: /Followers across all accounts/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/^Followers across all accounts\s+reach$/),
      '12,400',
      'followers',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      '1',
    ]);
  });
});
