import type { Page } from 'playwright-core';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  proposeJointProject,
  requestConsultation,
  respondToInvitation,
  sharePractice,
  unique,
} from '../api/support/api.js';
import {
  ADOPT_PRACTICE,
  RESPOND_TO_CONSULTATION,
  REVIEW_PROPOSAL,
  START_IMPLEMENTATION,
  SUBMIT_PROPOSAL,
} from '../api/support/documents.js';
import { screenshots } from './support/browser.js';
import { demo, expectRussian, problemsOf, signInAs, useConsoleHarness } from './support/console-harness.js';

/*
 * The secretariat's cooperation report in the web console: a period's
 * activity per country as a bar chart and a table, and the cooperation
 * between countries as a network over the four subregions.
 */

const kzFocalPoint = demo('kz-focal-point');
const kgFocalPoint = demo('kg-focal-point');
const uzFocalPoint = demo('uz-focal-point');
const uzParticipant = demo('uz-participant');
const alParticipant = demo('al-participant');
const mdParticipant = demo('md-participant');
const secretariat = demo('secretariat');

const harness = useConsoleHarness();

/** The graph's edges as drawn: the pair of countries, the total and the line's width. */
async function edgesOf(page: Page) {
  return page.locator('.graph-edge[data-countries]').evaluateAll((paths) =>
    paths.map((path) => ({
      countries: path.getAttribute('data-countries') ?? '',
      total: Number(path.getAttribute('data-total')),
      width: Number(path.getAttribute('stroke-width')),
    })),
  );
}

describe('the cooperation report in the web console', () => {
  it('draws activity per country and the links between countries over the four subregions, for a chosen period', async () => {
    const { service } = harness;
    const today = new Date().toISOString().slice(0, 10);
    // Cooperation today: KZ–UZ twice (an answer, a project in implementation), KZ–KG once (a consultation response), AL–MD once (an adoption).
    const question = await askQuestion(service, kzFocalPoint, { title: unique('Who inspects tailings dams?') });
    await answerQuestion(service, uzParticipant, question.id);
    const proposal = await proposeJointProject(service, kzFocalPoint, {
      title: unique('Tailings safety in the Syr Darya basin'),
      partnerCountries: ['UZ'],
    });
    await respondToInvitation(service, uzFocalPoint, proposal.id, true);
    dataOf(await service.gql(kzFocalPoint, SUBMIT_PROPOSAL, { id: proposal.id }));
    dataOf(
      await service.gql(secretariat, REVIEW_PROPOSAL, { id: proposal.id, decision: 'ENDORSE', note: 'Endorsed.' }),
    );
    dataOf(
      await service.gql(kzFocalPoint, START_IMPLEMENTATION, { id: proposal.id, startedOn: `${today}T00:00:00.000Z` }),
    );
    const consultation = await requestConsultation(service, kzFocalPoint, { consultedCountries: ['KG'] });
    dataOf(
      await service.gql(kgFocalPoint, RESPOND_TO_CONSULTATION, {
        consultationId: consultation.id,
        position: 'NO_SIGNIFICANT_EFFECTS',
        body: 'No effect downstream.',
      }),
    );
    const practice = await sharePractice(service, alParticipant, { title: unique('Seveso inspections') });
    dataOf(await service.gql(mdParticipant, ADOPT_PRACTICE, { id: practice.id, note: null }));

    const page = await harness.openConsole();
    await signInAs(page, secretariat);
    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cooperation report' }).waitFor();
    // The biennium 2017–2018 by default.
    expect(await page.getByLabel('From').inputValue()).toBe('2017-01-01');
    expect(await page.getByLabel('To').inputValue()).toBe('2018-12-31');
    await page.getByRole('heading', { name: 'Cooperation between countries' }).waitFor();

    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(today);
    await page.getByRole('button', { name: 'Show' }).click();
    const graph = page.getByRole('img', { name: 'Cooperation links between countries, by subregion' });
    await graph.locator('.graph-edge[data-countries="KZ-UZ"]').waitFor();

    // Every beneficiary country is a node, grouped by subregion around the circle.
    const nodes = await graph
      .locator('.graph-node')
      .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-subregion')));
    expect(nodes).toHaveLength(16);
    expect(nodes.filter((subregion, index) => index > 0 && subregion !== nodes[index - 1])).toEqual([
      'EASTERN_EUROPE',
      'CAUCASUS',
      'CENTRAL_ASIA',
    ]);
    // A line per linked pair, as wide as its total; the table says the same.
    const edges = await edgesOf(page);
    const edge = (pair: string) => edges.find((candidate) => candidate.countries === pair);
    expect(edge('KZ-UZ')?.total).toBeGreaterThanOrEqual(2);
    expect(edge('KG-KZ')?.total).toBeGreaterThanOrEqual(1);
    expect(edge('AL-MD')?.total).toBeGreaterThanOrEqual(1);
    for (const a of edges) {
      for (const b of edges) if (a.total > b.total) expect(a.width).toBeGreaterThan(b.width);
    }
    expect(Number(await graph.getAttribute('data-links'))).toBe(edges.length);
    const rows = await page.locator('table.report-links tbody tr').count();
    expect(rows).toBe(edges.length);
    await page.locator('table.report-links tr', { hasText: 'Kazakhstan – Uzbekistan' }).waitFor();

    await page.getByRole('link', { name: proposal.title }).waitFor();

    // The activity chart of the statistics page, for the same period.
    const chart = page.getByRole('img', { name: 'Activity per country' });
    expect(await chart.locator('.chart-label').allTextContents()).toEqual(
      expect.arrayContaining(['Kazakhstan', 'Uzbekistan', 'Kyrgyzstan', 'Albania', 'Republic of Moldova']),
    );
    expect(problemsOf(page)).toEqual([]);
    await screenshots(page, 'report');
  });

  it('speaks Russian on the report page', async () => {
    const page = await harness.openConsole({ locale: 'ru-RU' });
    await signInAs(page, secretariat);
    await page.getByRole('link', { name: 'Отчёт' }).click();
    await page.getByRole('img', { name: 'Связи сотрудничества между странами по субрегионам' }).waitFor();
    await expectRussian(page, 'report');
  });
});
