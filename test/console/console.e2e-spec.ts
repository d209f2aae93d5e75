import { askQuestion, dataOf, postComment, proposeJointProject, sharePractice, unique } from '../api/support/api.js';
import { testTokens } from '../support/graphql-client.js';
import { catalogue, screenshots, textsNotIn } from './support/browser.js';
import {
  demo,
  expectRussian as expectRussianOn,
  feedEntry,
  problemsOf,
  signInAs,
  useConsoleHarness,
  waitForCount,
  waitLive,
} from './support/console-harness.js';
import { type ConsoleService, startConsoleService } from './support/console-service.js';

/*
 * The web console in Debian's Chromium against the built service in its own
 * process, as `npm start` runs it. Each test makes its own data through the
 * API; the service and the browser are shared to keep the suite quick.
 */

const kzParticipant = demo('kz-participant');
const kzFocalPoint = demo('kz-focal-point');
const uzParticipant = demo('uz-participant');
const uzFocalPoint = demo('uz-focal-point');
const alParticipant = demo('al-participant');
const secretariat = demo('secretariat');

const harness = useConsoleHarness();
const { openConsole } = harness;
let service: ConsoleService;

beforeAll(() => {
  ({ service } = harness);
});

describe('web console', () => {
  it('signs a KZ participant in with one click and shows a practice shared through the API live in the Central Asia feed', async () => {
    const earlier = await sharePractice(service, kzFocalPoint, { title: unique('Tailings register') });
    const page = await openConsole();
    await screenshots(page, 'sign-in');

    await signInAs(page, kzParticipant);
    await page.getByRole('heading', { level: 1, name: 'Central Asia' }).waitFor();
    await feedEntry(page, earlier.title).waitFor();
    await waitLive(page);

    const shared = await sharePractice(service, uzParticipant, {
      title: unique('Emergency drills on the Syr Darya'),
      topics: ['PREPAREDNESS'],
    });
    const arrived = feedEntry(page, shared.title);
    await arrived.waitFor();
    expect(await arrived.getAttribute('class')).toContain('entry-arrived');
    expect(await arrived.textContent()).toContain('Practice shared');
    expect(await arrived.textContent()).toContain(uzParticipant.name);
    // Newest first: the live entry sits above the one that was there.
    const titles = await page.locator('.feed .entry-title').allTextContents();
    expect(titles.indexOf(shared.title)).toBeLessThan(titles.indexOf(earlier.title));
    expect(problemsOf(page)).toEqual([]);
    await screenshots(page, 'feed');
  });

  it('filters the feed by kind and topic, and pages back in time', async () => {
    const topic = 'SEVESO_III';
    const practices = [];
    for (let index = 0; index < 22; index += 1) {
      practices.push(
        await sharePractice(service, kzFocalPoint, { title: unique(`Seveso step ${index}`), topics: [topic] }),
      );
    }
    const question = await askQuestion(service, kzFocalPoint, { title: unique('Seveso question'), topics: [topic] });
    const page = await openConsole();
    await signInAs(page, kzParticipant);

    await page.getByLabel('Topic').selectOption(topic);
    await feedEntry(page, question.title).waitFor();
    await page.getByRole('checkbox', { name: 'Question' }).check();
    await page.waitForURL(/kinds=QUESTION/);
    await feedEntry(page, question.title).waitFor();
    // Questions on that topic only, newest first, whatever else the network holds (the demo data included).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.feed .label-kind')].every((kind) => kind.textContent === 'Question'),
    );
    expect(await page.locator('.feed .entry-title').first().textContent()).toBe(question.title);

    await page.getByRole('checkbox', { name: 'Question' }).uncheck();
    await page.getByRole('checkbox', { name: 'Practice' }).check();
    await page.waitForURL(/kinds=PRACTICE/);
    await feedEntry(page, practices[21]?.title ?? '').waitFor();
    await waitForCount(page, '.feed .entry', 20);
    const newestFirst = practices.map((practice) => practice.title).reverse();
    expect(await page.locator('.feed .entry-title').allTextContents()).toEqual(newestFirst.slice(0, 20));
    await page.getByRole('button', { name: 'Older entries' }).click();
    await feedEntry(page, practices[0]?.title ?? '').waitFor();
    expect((await page.locator('.feed .entry-title').allTextContents()).slice(0, 22)).toEqual(newestFirst);
  });

  it('shows a comment posted in one browser live in another, with its edit and retraction', async () => {
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Land-use planning near plants') });
    const author = await openConsole();
    await signInAs(author, kzParticipant);
    await feedEntry(author, practice.title).getByRole('link').click();
    await author.getByRole('heading', { level: 1, name: practice.title }).waitFor();
    await waitLive(author);

    const reader = await openConsole();
    await signInAs(reader, uzParticipant);
    // The item's own address, loaded afresh: the service serves the console's page for it.
    await reader.goto(`${service.origin}/items/${encodeURIComponent(practice.id)}`);
    await reader.getByRole('heading', { level: 1, name: practice.title }).waitFor();
    await waitLive(reader);

    // An input the API refuses: its words appear next to the form.
    await author.getByLabel('Your comment').fill('x'.repeat(5_001));
    await author.getByRole('button', { name: 'Post comment' }).click();
    await author.locator('#new-comment-error', { hasText: 'Please check what you entered.' }).waitFor();
    await author.locator('#new-comment-field-error').waitFor();

    const body = unique('We zone 1 km around every Seveso establishment');
    await author.getByLabel('Your comment').fill(body);
    await author.getByRole('button', { name: 'Post comment' }).click();
    await author.locator('.comment-body', { hasText: body }).waitFor();
    await reader.locator('.comment-body', { hasText: body }).waitFor();
    expect(await reader.getByRole('heading', { name: 'Discussion (1)' }).count()).toBe(1);

    await reader.getByRole('button', { name: 'Reply' }).click();
    await reader.getByLabel('Your reply').fill('Thank you: we will propose the same in our law.');
    await reader.getByRole('button', { name: 'Post reply' }).click();
    await author.locator('.comments .comments .comment-body', { hasText: 'propose the same' }).waitFor();

    await author.getByRole('button', { name: 'Edit' }).first().click();
    await author.getByLabel('Your comment').first().fill(`${body} (and 2 km for tailings)`);
    await author.getByRole('button', { name: 'Save' }).click();
    await author.locator('.comment-body', { hasText: '(and 2 km for tailings)' }).waitFor();
    await author.locator('.comment .badge', { hasText: 'edited' }).waitFor();

    await author.getByRole('button', { name: 'Retract' }).first().click();
    await author.getByLabel('Reason for retracting').fill('Posted on the wrong item');
    await author.getByRole('button', { name: 'Retract comment' }).click();
    await author.getByText('This comment was retracted.').waitFor();
    // Edits and retractions are no feed activity, so `itemUpdated` does not carry them: a reload shows them.
    await reader.reload();
    await reader.getByText('This comment was retracted.').waitFor();
    expect(await reader.locator('.comment-body', { hasText: 'propose the same' }).count()).toBe(1);
    // The item's history shows every event, the comment's included.
    expect(await reader.locator('.timeline li').count()).toBeGreaterThanOrEqual(1);
    expect(problemsOf(author)).toEqual([]);
    expect(problemsOf(reader)).toEqual([]);
    await screenshots(reader, 'item-practice');
  });

  it('answers and accepts on a question page, and adopts a practice', async () => {
    const question = await askQuestion(service, kzFocalPoint, { title: unique('How do you notify neighbours?') });
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Hazard map of Almaty region') });

    const uz = await openConsole();
    await signInAs(uz, uzParticipant);
    await uz.goto(`${service.origin}/items/${encodeURIComponent(question.id)}`);
    await uz.getByLabel('Your answer').fill('Through the IAN System and a bilateral agreement.');
    await uz.getByRole('button', { name: 'Post answer' }).click();
    await uz.locator('.answer', { hasText: 'bilateral agreement' }).waitFor();

    const kz = await openConsole();
    await signInAs(kz, kzFocalPoint);
    await kz.goto(`${service.origin}/items/${encodeURIComponent(question.id)}`);
    await kz.getByRole('button', { name: 'Accept this answer' }).click();
    await kz.locator('.answer-accepted', { hasText: 'bilateral agreement' }).waitFor();
    await uz.locator('.answer-accepted').waitFor();
    await screenshots(kz, 'item-question');

    await uz.goto(`${service.origin}/items/${encodeURIComponent(practice.id)}`);
    await uz.getByLabel('How your country applies it (optional)').fill('Our emergency ministry uses the same legend.');
    await uz.getByRole('button', { name: 'Adopt this practice' }).click();
    await uz.getByRole('heading', { name: 'Adoptions (1)' }).waitFor();
    await uz.getByText('Uzbekistan', { exact: true }).first().waitFor();
  });

  it('lets a partner country join a joint project and the secretariat review it', async () => {
    const proposal = await proposeJointProject(service, kzFocalPoint, {
      title: unique('Tailings safety in the Syr Darya basin'),
      partnerCountries: ['UZ'],
    });
    const uz = await openConsole();
    await signInAs(uz, uzFocalPoint);
    await uz.goto(`${service.origin}/items/${encodeURIComponent(proposal.id)}`);
    await uz.getByRole('button', { name: 'Join the project' }).click();
    await uz.locator('tr', { hasText: 'Uzbekistan' }).getByText('Joined').waitFor();

    const submitted = await service.gql(kzFocalPoint, 'mutation($id: ID!) { submitProposal(id: $id) { status } }', {
      id: proposal.id,
    });
    expect(dataOf(submitted)).toEqual({ submitProposal: { status: 'SUBMITTED' } });
    const sec = await openConsole();
    await signInAs(sec, secretariat);
    await sec.goto(`${service.origin}/items/${encodeURIComponent(proposal.id)}`);
    await sec.getByLabel('Note to the countries').fill('Endorsed for the 2019–2020 work plan.');
    await sec.getByRole('button', { name: 'Record the review' }).click();
    await sec.locator('.badge', { hasText: 'Endorsed' }).waitFor();
    await uz.locator('.badge', { hasText: 'Endorsed' }).waitFor();
    await screenshots(sec, 'item-proposal');
  });

  it('never shows a KZ-only item to an AL participant', async () => {
    const kzOnly = await sharePractice(service, kzFocalPoint, {
      title: unique('KZ-only inspection notes'),
      audience: { scope: 'COUNTRIES', countries: ['KZ'] },
    });
    const later = await sharePractice(service, kzFocalPoint, { title: unique('Network-wide checklist') });

    const kz = await openConsole();
    await signInAs(kz, kzParticipant);
    await feedEntry(kz, kzOnly.title).waitFor();

    const al = await openConsole();
    await signInAs(al, alParticipant);
    await al.getByRole('heading', { level: 1, name: 'South-Eastern Europe' }).waitFor();
    for (const subregion of ['South-Eastern Europe', 'Central Asia', 'All subregions']) {
      await al.getByLabel('Subregion').selectOption({ label: subregion });
      // The newer network-wide practice is there, so the feed has loaded past the KZ-only one.
      if (subregion !== 'South-Eastern Europe') await feedEntry(al, later.title).waitFor();
      else await al.locator('.feed').waitFor({ state: 'attached' });
      expect(await feedEntry(al, kzOnly.title).count()).toBe(0);
    }
    await al.goto(`${service.origin}/items/${encodeURIComponent(kzOnly.id)}`);
    await al.getByRole('heading', { level: 1, name: 'Item not found' }).waitFor();
    expect(await al.getByText(kzOnly.title).count()).toBe(0);
  });

  it('pages the audit trail, filters it by item, and verifies the integrity of the log', async () => {
    // More than two pages of events, whatever the other tests recorded.
    for (let index = 0; index < 26; index += 1) await sharePractice(service, uzFocalPoint);
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Audited practice') });
    await postComment(service, uzParticipant, practice.id, { body: 'A comment for the audit trail.' });
    const page = await openConsole();
    await signInAs(page, secretariat);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();

    const rows = page.locator('table.audit tbody tr');
    await page.getByText(/^Page 1: 25 events$/).waitFor();
    const firstPage = await rows.first().textContent();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText(/^Page 2: \d+ events?$/).waitFor();
    expect(await rows.first().textContent()).not.toBe(firstPage);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText(/^Page 1: 25 events$/).waitFor();
    expect(await rows.first().textContent()).toBe(firstPage);

    await page.getByLabel('Item id').fill(practice.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(/^Page 1: 2 events$/).waitFor();
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['PracticeShared', 'CommentPosted']);

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByText('The log is intact.').waitFor();
    expect(await page.locator('.integrity .result').textContent()).toMatch(/\d+ streams and \d+ events checked\./);
    expect(problemsOf(page)).toEqual([]);
    await screenshots(page, 'audit');
  });

  it('draws activity per country as a bar chart on the statistics page', async () => {
    await sharePractice(service, kzFocalPoint, { title: unique('Counted practice') });
    const question = await askQuestion(service, uzFocalPoint, { title: unique('Counted question') });
    await postComment(service, kzParticipant, question.id);
    const page = await openConsole();
    await signInAs(page, secretariat);
    await page.getByRole('link', { name: 'Statistics' }).click();
    const chart = page.getByRole('img', { name: 'Activity per country' });
    await chart.waitFor();
    const bars = Number(await chart.getAttribute('data-bars'));
    expect(bars).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('.chart-row').count()).toBe(bars);
    expect(await chart.locator('.chart-label').allTextContents()).toEqual(
      expect.arrayContaining(['Kazakhstan', 'Uzbekistan']),
    );
    // Every bar has width in proportion to its country's total, which the table beside it shows.
    const widths = await chart
      .locator('.chart-row')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('rect')].reduce((sum, rect) => sum + rect.width.baseVal.value, 0)),
      );
    const totals = (await page.locator('table.statistics tbody td:last-child').allTextContents()).map(Number);
    expect(widths.length).toBe(totals.length);
    for (const [index, width] of widths.entries()) {
      expect(width / (widths[0] ?? 1)).toBeCloseTo((totals[index] ?? 0) / (totals[0] ?? 1), 5);
    }
    await screenshots(page, 'statistics');
  });

  it('speaks Russian on every page once switched, with no English label left', async () => {
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Практика по хвостохранилищам') });
    const question = await askQuestion(service, kzFocalPoint, { title: unique('Вопрос об уведомлении') });
    const proposal = await proposeJointProject(service, kzFocalPoint, { title: unique('Совместный проект') });
    await postComment(service, uzParticipant, practice.id, { body: 'Комментарий' });
    const russian = catalogue('ru');
    const page = await openConsole();
    const expectRussian = (name: string) => expectRussianOn(page, name);

    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
    await expectRussian('sign-in');

    await page.getByRole('button', { name: new RegExp(secretariat.name) }).click();
    await page.getByRole('heading', { level: 1, name: 'Все субрегионы' }).waitFor();
    await feedEntry(page, proposal.title).waitFor();
    await waitLive(page);
    await expectRussian('feed');

    for (const [name, item] of [
      ['item-practice', practice],
      ['item-question', question],
      ['item-proposal', proposal],
    ] as const) {
      await page.goto(`${service.origin}/items/${encodeURIComponent(item.id)}`);
      await page.getByRole('heading', { level: 1, name: item.title }).waitFor();
      await page.getByRole('heading', { name: 'История' }).waitFor();
      await expectRussian(name);
    }

    await page.getByRole('link', { name: 'Журнал аудита' }).click();
    await page.locator('table.audit tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Проверить целостность' }).click();
    await page.getByText('Журнал не изменён.').waitFor();
    await expectRussian('audit');

    await page.getByRole('link', { name: 'Статистика' }).click();
    await page.getByRole('img', { name: 'Активность по странам' }).waitFor();
    await expectRussian('statistics');

    // The check itself finds English: back in English, the same page fails it.
    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Cooperation statistics' }).waitFor();
    expect(await textsNotIn(page, russian)).toEqual(expect.arrayContaining(['Cooperation statistics', 'Sign out']));
  });

  it('asks for a token from the identity provider in production, and says why a token is refused', async () => {
    const production = await startConsoleService({ NODE_ENV: 'production' });
    try {
      const page = await (await harness.newContext()).newPage();
      await page.goto(production.origin);
      await page.getByText("Ask your organisation's identity provider for a token.").waitFor();
      expect(await page.getByRole('button', { name: new RegExp(kzParticipant.name) }).count()).toBe(0);

      await page.getByLabel('Bearer token').fill('not-a-token');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .locator('#token-error', { hasText: 'You are not signed in, or your sign-in has expired. Sign in again.' })
        .waitFor();
      expect(await page.getByLabel('Bearer token').getAttribute('aria-describedby')).toBe('token-error');

      await page.getByLabel('Bearer token').fill(`Bearer ${await testTokens()(kzFocalPoint)}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Central Asia' }).waitFor();
      await page.getByText(kzFocalPoint.name).waitFor();
      // The token lives in this tab's session: a reload keeps the viewer signed in.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Central Asia' }).waitFor();
    } finally {
      await production.stop();
    }
  });

  it('chooses Russian from the browser language', async () => {
    const page = await openConsole({ locale: 'ru-RU' });
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await textsNotIn(page, catalogue('ru'))).toEqual([]);
  });

  it('resumes the live feed after a disconnect without losing what was shared meanwhile', async () => {
    const context = await harness.newContext();
    let blocked = false;
    const open: { close(): Promise<void> }[] = [];
    await context.routeWebSocket(
      (url) => url.pathname === '/graphql',
      (socket) => {
        if (blocked) {
          void socket.close({ code: 4500, reason: 'unreachable' });
          return;
        }
        socket.connectToServer();
        open.push(socket);
      },
    );
    const page = await context.newPage();
    await page.goto(service.origin);
    const first = await sharePractice(service, kzFocalPoint, { title: unique('Before the outage') });
    await signInAs(page, kzParticipant);
    await feedEntry(page, first.title).waitFor();
    await waitLive(page);

    blocked = true;
    await Promise.all(open.splice(0).map((socket) => socket.close()));
    await page.locator('.connection[data-state="reconnecting"]').waitFor();
    const during = await sharePractice(service, uzParticipant, { title: unique('Shared during the outage') });
    blocked = false;

    await feedEntry(page, during.title).waitFor();
    await waitLive(page);
    expect(await feedEntry(page, during.title).count()).toBe(1);
    expect(await feedEntry(page, first.title).count()).toBe(1);
  });
});
