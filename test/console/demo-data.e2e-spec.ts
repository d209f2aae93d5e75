import type { Page } from 'playwright-core';
import { screenshots } from './support/browser.js';
import { demo, problemsOf, signInAs, useConsoleHarness, waitLive } from './support/console-harness.js';

/*
 * The console on what a development service records at its first start: the
 * Programme's 2017–2019 demo (projects, a consultation, profiles, waiting
 * notifications). These tests read it and write nothing, so they hold on a
 * service other tests have written to as well.
 */

const kzFocalPoint = demo('kz-focal-point');
const kzParticipant = demo('kz-participant');
const kgFocalPoint = demo('kg-focal-point');
const secretariat = demo('secretariat');

const harness = useConsoleHarness();

/** Finds an item by its title with the console's search and opens it. */
async function openByTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Words to find').fill(title);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('the web console on the demo data', () => {
  it('shows the Central Asia project as it was carried out: its activities by date, its evaluation and links', async () => {
    const page = await harness.openConsole();
    await signInAs(page, kzParticipant);
    await openByTitle(page, 'Strengthening industrial safety in Central Asia');
    await page.locator('.status .badge', { hasText: 'Completed' }).waitFor();
    await page.getByText('The project met its objectives.', { exact: false }).waitFor();
    const days = await page
      .locator('.activity time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect([...days].sort()).toEqual(days);
    expect(await page.locator('.activity h3').allTextContents()).toEqual(
      expect.arrayContaining(['National expert group meeting, Kazakhstan', 'Evaluation of the Central Asia project']),
    );
    const links = await page
      .locator('.item a[target="_blank"]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('rel')));
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set(['noopener noreferrer']));
    expect(problemsOf(page)).toEqual([]);
    await screenshots(page, 'demo-project');
  });

  it('shows the illustrative consultation with Uzbekistan’s revised response and its conclusion', async () => {
    const page = await harness.openConsole();
    await signInAs(page, kzFocalPoint);
    await openByTitle(page, 'Illustrative example: extending a tailings facility upstream of the Mailuu-Suu river');
    await page.locator('.status .badge', { hasText: 'Concluded' }).waitFor();
    const uzbekistan = page.locator('.response[data-country="UZ"]');
    await uzbekistan.getByText('Possible transboundary effects').waitFor();
    await uzbekistan.getByText('Earlier versions (1)').click();
    await uzbekistan.locator('.earlier', { hasText: 'More information needed' }).waitFor();
    await page.locator('.response[data-country="KZ"]', { hasText: 'No significant transboundary effects' }).waitFor();
    await page.getByText('Every consulted country has responded.').waitFor();
    // Concluded: nobody responds any more.
    expect(await page.getByRole('button', { name: /response/ }).count()).toBe(0);
  });

  it('has a mention waiting for the Kyrgyz focal point, counted on the badge at sign-in', async () => {
    const page = await harness.openConsole();
    await signInAs(page, kgFocalPoint);
    await waitLive(page);
    const badge = page.locator('nav .unread[data-unread]:not([data-unread=""])');
    await badge.waitFor({ state: 'attached' });
    expect(Number(await badge.getAttribute('data-unread'))).toBeGreaterThanOrEqual(1);
    await page.getByRole('link', { name: /^Notifications/ }).click();
    const mention = page.locator('.notification', { hasText: 'You were mentioned' });
    await mention.first().waitFor();
    expect(await mention.first().textContent()).toContain('Strengthening industrial safety in Central Asia');
  });

  it('reports the 2017–2018 biennium with the Central Asian countries linked by their project', async () => {
    const page = await harness.openConsole();
    await signInAs(page, secretariat);
    await page.getByRole('link', { name: 'Report' }).click();
    const graph = page.getByRole('img', { name: 'Cooperation links between countries, by subregion' });
    await graph.locator('.graph-edge').first().waitFor();
    const pairs = await graph
      .locator('.graph-edge[data-countries]')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('data-countries')));
    const centralAsia = ['KG', 'KZ', 'TJ', 'TM', 'UZ'];
    const projectPairs = centralAsia.flatMap((a, index) => centralAsia.slice(index + 1).map((b) => `${a}-${b}`));
    expect(pairs).toEqual(expect.arrayContaining(projectPairs));
    expect(await page.locator('table.report-links tbody tr').count()).toBe(pairs.length);
    await page.getByRole('link', { name: 'Strengthening industrial safety in Central Asia' }).first().waitFor();
    const bars = Number(await page.getByRole('img', { name: 'Activity per country' }).getAttribute('data-bars'));
    expect(bars).toBeGreaterThanOrEqual(5);
    await screenshots(page, 'demo-report');
  });
});
