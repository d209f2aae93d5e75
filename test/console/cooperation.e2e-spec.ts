import type { Page } from 'playwright-core';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  itemFor,
  postComment,
  proposeJointProject,
  requestConsultation,
  respondToInvitation,
  sharePractice,
  unique,
} from '../api/support/api.js';
import {
  EDIT_ANSWER,
  RECORD_PROJECT_ACTIVITY,
  RESPOND_TO_CONSULTATION,
  REVIEW_PROPOSAL,
  REVISE_PROPOSAL,
  START_IMPLEMENTATION,
  SUBMIT_PROPOSAL,
} from '../api/support/documents.js';
import { screenshots } from './support/browser.js';
import {
  demo,
  expectRussian,
  feedEntry,
  problemsOf,
  signInAs,
  useConsoleHarness,
  waitLive,
} from './support/console-harness.js';

/*
 * Version 2 of the API in the web console: consultations between countries,
 * country profiles, joint projects through implementation, question and answer
 * edits. Each test makes what it needs through the API or the console itself.
 */

const kzFocalPoint = demo('kz-focal-point');
const kzParticipant = demo('kz-participant');
const kgFocalPoint = demo('kg-focal-point');
const kgParticipant = demo('kg-participant');
const uzFocalPoint = demo('uz-focal-point');
const uzParticipant = demo('uz-participant');
const secretariat = demo('secretariat');

const harness = useConsoleHarness();

const itemUrl = (id: string) => `${harness.service.origin}/items/${encodeURIComponent(id)}`;

/** The links of a section: their text, address, and what they tell the page they open. */
async function linksIn(page: Page, selector: string) {
  return page.locator(`${selector} a[target="_blank"]`).evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      text: anchor.textContent,
      href: anchor.getAttribute('href'),
      rel: anchor.getAttribute('rel'),
      kind: anchor.closest('li')?.querySelector('.label')?.textContent ?? null,
    })),
  );
}

describe('consultations in the web console', () => {
  it('lets a KZ focal point request a consultation that a KG focal point answers, the answer arriving live', async () => {
    const kz = await harness.openConsole();
    await signInAs(kz, kzFocalPoint);
    await kz.getByRole('link', { name: 'Request a consultation' }).click();
    await kz.getByRole('heading', { level: 1, name: 'Request a transboundary consultation' }).waitFor();

    // Kazakhstan's neighbours come first, before every other country by subregion.
    const neighbours = kz.getByRole('group', { name: 'Neighbours of Kazakhstan' });
    await neighbours.waitFor();
    expect(
      await neighbours.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent)),
    ).toEqual(['Kyrgyzstan', 'Turkmenistan', 'Uzbekistan']);
    expect(await kz.getByRole('checkbox', { name: 'Kazakhstan' }).count()).toBe(0);

    const title = unique('Raising the Kumtor tailings dam');
    await kz.getByLabel('Title', { exact: true }).fill('ab');
    await kz
      .getByLabel('Hazardous activity')
      .fill('Tailings management facility of a gold mine, dam raised by 12 metres');
    await kz.getByLabel('Location').fill('Upstream of the Kyrgyz border on the Naryn');
    await kz
      .getByLabel('What you ask the consulted countries')
      .fill('We ask for your assessment; the dam-break study is attached.');
    await neighbours.getByRole('checkbox', { name: 'Kyrgyzstan' }).check();
    await kz.getByRole('button', { name: 'Add a link' }).click();
    await kz.getByLabel('Address of link 1').fill('https://example.org/dam-break-study.pdf');
    await kz.getByLabel('Title of link 1').fill('Dam-break study');
    await kz.getByLabel('Kind of link 1').selectOption({ label: 'Report' });
    // A title the API refuses: its words appear under the title, the form keeps what was entered.
    await kz.getByRole('button', { name: 'Request the consultation' }).click();
    await kz.locator('#consultation-title-error').waitFor();
    await kz.getByText('Please check what you entered.').waitFor();
    expect(await kz.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshots(kz, 'consultation-request');

    await kz.getByLabel('Title', { exact: true }).fill(title);
    await kz.getByRole('button', { name: 'Request the consultation' }).click();
    await kz.getByRole('heading', { level: 1, name: title }).waitFor();
    await kz.locator('.status .badge', { hasText: 'Open' }).waitFor();
    await kz.getByText('No country has responded yet.').waitFor();
    expect(await linksIn(kz, '.item')).toEqual([
      {
        text: 'Dam-break study',
        href: 'https://example.org/dam-break-study.pdf',
        rel: 'noopener noreferrer',
        kind: 'Report',
      },
    ]);
    await waitLive(kz);

    const kg = await harness.openConsole();
    await signInAs(kg, kgFocalPoint);
    await kg.goto(kz.url());
    await kg.getByRole('heading', { level: 1, name: title }).waitFor();
    await kg.getByLabel('Position on transboundary effects').selectOption({ label: 'Possible transboundary effects' });
    await kg
      .getByLabel("Your country's assessment")
      .fill('A dam break would reach our intake at Uch-Kurgan within six hours.');
    await kg.getByRole('button', { name: 'Send the response' }).click();
    await kg.locator('.response', { hasText: 'Uch-Kurgan' }).waitFor();

    // The requesting focal point sees the response arrive without reloading.
    const response = kz.locator('.response[data-country="KG"]');
    await response.getByText('Possible transboundary effects').waitFor();
    expect(await response.textContent()).toContain('Uch-Kurgan');
    await kz.getByText('Every consulted country has responded.').waitFor();

    // A revised response keeps the earlier one in view.
    await kg
      .getByLabel("Your country's assessment")
      .fill('Our own study: the intake is safe above 12 metres of freeboard.');
    await kg
      .getByLabel('Position on transboundary effects')
      .selectOption({ label: 'No significant transboundary effects' });
    await kg.getByRole('button', { name: 'Send the revised response' }).click();
    await response.getByText('No significant transboundary effects').waitFor();
    await response.getByText('revised').waitFor();
    await response.getByText('Earlier versions (1)').click();
    await response.locator('.earlier', { hasText: 'Uch-Kurgan' }).waitFor();

    await kz
      .getByLabel('Conclusion of the consultation')
      .fill('Kyrgyzstan sees no significant effect; monitoring continues.');
    await kz.getByRole('button', { name: 'Conclude the consultation' }).click();
    await kz.locator('.status .badge', { hasText: 'Concluded' }).waitFor();
    await kg.locator('.status .badge', { hasText: 'Concluded' }).waitFor();
    expect(await kg.getByRole('button', { name: 'Send the revised response' }).count()).toBe(0);
    expect(problemsOf(kz)).toEqual([]);
    expect(problemsOf(kg)).toEqual([]);
    await screenshots(kz, 'item-consultation');
  });

  it('shows who is awaited and an overdue consultation, and lets the originating focal point withdraw it', async () => {
    // Seconds ahead: a short wait, and room enough for the request on a busy machine.
    const respondBy = new Date(Date.now() + 3_000);
    const consultation = await requestConsultation(harness.service, kzFocalPoint, {
      title: unique('Ammonia storage near Shymkent'),
      consultedCountries: ['UZ', 'KG'],
      respondBy: respondBy.toISOString(),
    });
    const kz = await harness.openConsole();
    await signInAs(kz, kzFocalPoint);
    // Past its respondBy with no response, it is overdue on the next read.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, respondBy.getTime() - Date.now()) + 50));
    await kz.goto(itemUrl(consultation.id));
    await kz.getByRole('heading', { level: 1, name: consultation.title }).waitFor();
    await kz.locator('.badge-overdue', { hasText: 'overdue' }).waitFor();
    expect(await kz.locator('.facts dd', { hasText: 'Uzbekistan, Kyrgyzstan' }).count()).toBe(2);

    await kz.getByRole('button', { name: 'Withdraw the consultation' }).click();
    await kz.getByLabel('Reason for withdrawing').fill('The permit application was withdrawn.');
    await kz.getByRole('button', { name: 'Withdraw it' }).click();
    await kz.locator('.status .badge', { hasText: 'Withdrawn' }).waitFor();
    await kz.getByText('The permit application was withdrawn.').waitFor();
    expect(await kz.locator('.badge-overdue').count()).toBe(0);
  });
});

describe('joint projects through implementation in the web console', () => {
  it('revises, invites, submits, starts a project and records its activities, each with its links', async () => {
    const { service } = harness;
    const proposal = await proposeJointProject(service, kzFocalPoint, {
      title: unique('Industrial safety in Central Asia'),
      partnerCountries: ['UZ'],
    });
    await respondToInvitation(service, uzFocalPoint, proposal.id, true);
    const kz = await harness.openConsole();
    await signInAs(kz, kzFocalPoint);
    await kz.goto(itemUrl(proposal.id));
    await kz.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
    await waitLive(kz);

    const revisedTitle = unique('Strengthening industrial safety in Central Asia');
    await kz.getByRole('button', { name: 'Revise the proposal' }).click();
    await kz.getByLabel('Title', { exact: true }).fill(revisedTitle);
    await kz.getByRole('button', { name: 'Add a link' }).click();
    await kz.getByLabel('Address of link 1').fill('https://example.org/industrial-safety-guidelines.pdf');
    await kz.getByLabel('Title of link 1').fill('Safety guidelines');
    await kz.getByLabel('Kind of link 1').selectOption({ label: 'Guide' });
    await kz.getByRole('button', { name: 'Save the revision' }).click();
    await kz.getByRole('heading', { level: 1, name: revisedTitle }).waitFor();
    expect(await linksIn(kz, '.item')).toEqual([
      {
        text: 'Safety guidelines',
        href: 'https://example.org/industrial-safety-guidelines.pdf',
        rel: 'noopener noreferrer',
        kind: 'Guide',
      },
    ]);

    // Someone else's revision lands while the form is open: saving says so in words.
    await kz.getByRole('button', { name: 'Revise the proposal' }).click();
    const current = await itemFor(service, kzFocalPoint, proposal.id);
    dataOf(
      await service.gql(kzFocalPoint, REVISE_PROPOSAL, {
        input: { id: proposal.id, expectedVersion: current?.version, durationMonths: 24 },
      }),
    );
    await kz.getByText('24 months').waitFor();
    await kz.getByRole('textbox', { name: 'Objectives' }).fill('Objectives written against the older version.');
    await kz.getByRole('button', { name: 'Save the revision' }).click();
    await kz.getByText('Someone changed this in the meantime. Reload and try again.').waitFor();
    await kz.getByRole('button', { name: 'Cancel' }).click();

    // By keyboard: the form opens under its button, and the keyboard is back on the button once it is sent.
    await kz.getByRole('button', { name: 'Invite a partner country' }).focus();
    await kz.keyboard.press('Enter');
    await kz.keyboard.press('Tab');
    await kz.waitForFunction(() => document.activeElement?.id === 'invite-country');
    await kz.getByLabel('Country to invite').selectOption({ label: 'Kyrgyzstan' });
    await kz.keyboard.press('Tab');
    await kz.keyboard.press('Enter');
    await kz.locator('tr', { hasText: 'Kyrgyzstan' }).getByText('Invited').waitFor();
    await kz.waitForFunction(() => document.activeElement?.textContent === 'Invite a partner country');

    await kz.getByRole('button', { name: 'Submit for review' }).click();
    await kz.locator('.status .badge', { hasText: 'Submitted' }).waitFor();
    dataOf(
      await service.gql(secretariat, REVIEW_PROPOSAL, { id: proposal.id, decision: 'ENDORSE', note: 'Endorsed.' }),
    );
    await kz.locator('.status .badge', { hasText: 'Endorsed' }).waitFor();

    await kz.getByRole('button', { name: 'Start implementation' }).click();
    await kz.getByLabel('Donor').fill('Government of Switzerland');
    await kz.getByLabel('Started on').fill('2019-09-01');
    await kz.getByRole('button', { name: 'Start the project' }).click();
    await kz.locator('.status .badge', { hasText: 'In implementation' }).waitFor();
    await kz.locator('.facts dd', { hasText: 'Government of Switzerland' }).waitFor();
    // Dates in the console's language (English), as days: the same day in every time zone.
    await kz.locator('.facts dd time', { hasText: /^Sep 1, 2019$/ }).waitFor();

    await kz.getByRole('button', { name: 'Record an activity' }).click();
    await kz.getByLabel('Kind of activity').selectOption({ label: 'Subregional workshop' });
    await kz.getByLabel('Title', { exact: true }).fill('Subregional workshop on tailings safety');
    await kz.getByLabel('First day').fill('2019-10-08');
    await kz.getByLabel('Last day').fill('2019-10-10');
    await kz.getByLabel('Venue').fill('Almaty, Kazakhstan');
    await kz.getByLabel('Outcome').fill('A checklist for tailings facilities agreed by both countries.');
    await kz.getByRole('button', { name: 'Add a link' }).click();
    await kz.waitForFunction(() => document.activeElement?.id === 'activity-link-0-url');
    await kz.getByLabel('Address of link 1').fill('ftp://example.org/agenda.pdf');
    await kz.getByLabel('Title of link 1').fill('Agenda');
    // The API takes web addresses only: its words appear under the address.
    await kz.getByRole('button', { name: 'Record the activity' }).click();
    await kz.locator('#activity-link-0-url-error').waitFor();
    expect(await kz.getByLabel('Address of link 1').getAttribute('aria-invalid')).toBe('true');
    await kz.getByLabel('Address of link 1').fill('https://example.org/agenda.pdf');
    await kz.getByRole('button', { name: 'Record the activity' }).click();
    const workshop = kz.locator('.activity', { hasText: 'Subregional workshop on tailings safety' });
    await workshop.waitFor();
    expect(await workshop.locator('time').first().textContent()).toMatch(/^Oct 8\s*–\s*10, 2019$/);
    expect(await workshop.textContent()).toContain('Almaty, Kazakhstan');
    expect(await workshop.textContent()).toContain('Kazakhstan, Uzbekistan');
    expect(await linksIn(kz, '.activity')).toEqual([
      { text: 'Agenda', href: 'https://example.org/agenda.pdf', rel: 'noopener noreferrer', kind: 'Document' },
    ]);

    // A partner that joined records too; the list is by date, and the lead sees it arrive.
    const uz = await harness.openConsole();
    await signInAs(uz, uzFocalPoint);
    await uz.goto(itemUrl(proposal.id));
    await uz.getByRole('button', { name: 'Record an activity' }).click();
    await uz.getByLabel('Kind of activity').selectOption({ label: 'Site visit' });
    await uz.getByLabel('Title', { exact: true }).fill('Visit to the Almalyk tailings facility');
    await uz.getByLabel('First day').fill('2019-09-15');
    await uz.getByRole('button', { name: 'Record the activity' }).click();
    await kz.locator('.activity', { hasText: 'Almalyk' }).waitFor();
    expect(await kz.locator('.activity h3').allTextContents()).toEqual([
      'Visit to the Almalyk tailings facility',
      'Subregional workshop on tailings safety',
    ]);
    await kz.getByRole('heading', { name: 'Project activities (2)' }).waitFor();
    expect(await uz.getByRole('button', { name: 'Complete the project' }).count()).toBe(0);
    expect(problemsOf(kz)).toEqual([]);
    expect(problemsOf(uz)).toEqual([]);
    await screenshots(kz, 'item-project');
  });
});

describe('questions and answers in the web console', () => {
  it('lets the asker revise, close and reopen a question, and an answerer edit their answer', async () => {
    const { service } = harness;
    const question = await askQuestion(service, kzParticipant, { title: unique('Who inspects tailings dams?') });
    const answer = await answerQuestion(service, uzParticipant, question.id, {
      body: 'Our State Committee for Industrial Safety.',
    });
    const kz = await harness.openConsole();
    await signInAs(kz, kzParticipant);
    await kz.goto(itemUrl(question.id));
    await kz.getByRole('heading', { level: 1, name: question.title }).waitFor();
    await waitLive(kz);

    const revisedTitle = unique('Who inspects tailings dams, and how often?');
    await kz.getByRole('button', { name: 'Revise the question' }).click();
    await kz.getByLabel('Title', { exact: true }).fill(revisedTitle);
    await kz.getByRole('button', { name: 'Save the revision' }).click();
    await kz.getByRole('heading', { level: 1, name: revisedTitle }).waitFor();

    const uz = await harness.openConsole();
    await signInAs(uz, uzParticipant);
    await uz.goto(itemUrl(question.id));
    const own = uz.locator(`#answer-${answer.id}`);
    await own.getByRole('button', { name: 'Edit your answer' }).click();
    await own.getByLabel('Your answer').fill('The State Committee for Industrial Safety, every year.');
    await own.getByRole('button', { name: 'Save the answer' }).click();
    await own.locator('.badge', { hasText: 'edited' }).locator('time').waitFor();
    // The asker's page takes the edit live.
    await kz.getByText('The State Committee for Industrial Safety, every year.').waitFor();
    expect(await kz.locator('.answer .badge', { hasText: 'edited' }).count()).toBe(1);
    expect(await kz.getByRole('button', { name: 'Edit your answer' }).count()).toBe(0);

    await kz.getByRole('button', { name: 'Close the question' }).click();
    await kz.getByLabel('Reason for closing (optional)').fill('Answered well enough.');
    await kz.getByRole('button', { name: 'Close it' }).click();
    await kz.locator('.status .badge', { hasText: 'Closed' }).waitFor();
    expect(await kz.getByRole('button', { name: 'Post answer' }).count()).toBe(0);
    await uz.locator('.status .badge', { hasText: 'Closed' }).waitFor();
    expect(await uz.getByRole('button', { name: 'Edit your answer' }).count()).toBe(0);

    await kz.getByRole('button', { name: 'Reopen the question' }).click();
    await kz.locator('.status .badge', { hasText: 'Open' }).waitFor();
    await uz.getByRole('button', { name: 'Edit your answer' }).waitFor();
    expect(problemsOf(kz)).toEqual([]);
    await screenshots(uz, 'item-question-edited');
  });
});

/** Selects a progress other than the one the form shows, so the update changes something. */
async function chooseAnother(page: Page, label: string): Promise<void> {
  const current = await page.getByLabel(label).inputValue();
  await page.getByLabel(label).selectOption(current === 'IN_PROGRESS' ? 'COMPLETED' : 'IN_PROGRESS');
}

describe('country profiles in the web console', () => {
  it('lets a focal point update its country’s profile, and says in words that a stale version was refused', async () => {
    const kg = await harness.openConsole();
    await signInAs(kg, kgFocalPoint);
    await kg.getByRole('link', { name: 'Country profiles' }).click();
    await kg.getByRole('heading', { level: 1, name: 'Country profiles' }).waitFor();
    expect(await kg.locator('table.profiles caption').allTextContents()).toEqual([
      'South-Eastern Europe',
      'Eastern Europe',
      'Caucasus',
      'Central Asia',
    ]);
    expect(await kg.locator('table.profiles tbody tr').count()).toBe(16);
    await screenshots(kg, 'countries');
    await kg.getByRole('link', { name: 'Kyrgyzstan' }).click();
    await kg.getByRole('heading', { level: 1, name: 'Kyrgyzstan' }).waitFor();
    expect(await kg.locator('.inline-list a').allTextContents()).toEqual(['Kazakhstan', 'Tajikistan', 'Uzbekistan']);

    const sec = await harness.openConsole();
    await signInAs(sec, secretariat);
    await sec.goto(`${harness.service.origin}/countries/KG`);
    await sec.getByRole('heading', { level: 1, name: 'Kyrgyzstan' }).waitFor();

    // Whatever the profile held before (demo data, say): a new authority and another self-assessment.
    const inspectorate = unique('State Inspectorate for Environmental and Technical Safety');
    await kg.getByLabel('Competent authorities').fill(`Ministry of Emergency Situations\n${inspectorate}`);
    await chooseAnother(kg, 'Self-assessment');
    await kg.getByRole('button', { name: 'Save the profile' }).click();
    await kg.getByText('The profile is saved.').waitFor();
    await kg.locator('.facts li', { hasText: inspectorate }).waitFor();
    await kg.locator('.timeline li:last-child', { hasText: 'Competent authorities, Self-assessment' }).waitFor();

    // The secretariat's form still edits the version it read.
    await chooseAnother(sec, 'National action plan');
    await sec.getByRole('button', { name: 'Save the profile' }).click();
    await sec.getByText('Someone changed this in the meantime. Reload and try again.').waitFor();
    await sec.getByText(/^You edited version \d+, but the profile is now at version \d+\./).waitFor();
    await screenshots(sec, 'country-profile-conflict');
    await sec.getByRole('button', { name: 'Load the latest version' }).click();
    await sec.waitForFunction(
      (text) => document.querySelector<HTMLTextAreaElement>('#profile-authorities')?.value.includes(text),
      inspectorate,
    );
    expect(await sec.getByText('Someone changed this in the meantime. Reload and try again.').count()).toBe(0);
    await chooseAnother(sec, 'National action plan');
    await sec.getByRole('button', { name: 'Save the profile' }).click();
    await sec.getByText('The profile is saved.').waitFor();
    await sec.locator('.timeline li:last-child', { hasText: 'National action plan' }).waitFor();

    const expert = await harness.openConsole();
    await signInAs(expert, kgParticipant);
    await expert.goto(`${harness.service.origin}/countries/KG`);
    await expert.locator('.facts li', { hasText: inspectorate }).waitFor();
    expect(await expert.getByRole('button', { name: 'Save the profile' }).count()).toBe(0);
    await screenshots(kg, 'country-profile');
  });
});

describe('the feed in the web console', () => {
  it('shows the comment or the answer an entry is about, also as it arrives live', async () => {
    const { service } = harness;
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Hazard map of Almaty region') });
    const question = await askQuestion(service, kzFocalPoint, { title: unique('How do you notify neighbours?') });
    await postComment(service, uzParticipant, practice.id, { body: 'We drew ours with the same legend.' });
    const kz = await harness.openConsole();
    await signInAs(kz, kzParticipant);
    await feedEntry(kz, practice.title).locator('.entry-excerpt', { hasText: 'the same legend' }).waitFor();
    await waitLive(kz);

    await answerQuestion(service, uzParticipant, question.id, { body: 'Through the IAN System, within the hour.' });
    const answered = kz.locator('.entry-arrived', { hasText: 'Question answered' });
    await answered.locator('.entry-excerpt', { hasText: 'Through the IAN System, within the hour.' }).waitFor();
    expect(await answered.textContent()).toContain(question.title);
  });
});

describe('search in the web console', () => {
  it('finds what the viewer may see, pages on, and opens the item', async () => {
    const { service } = harness;
    const word = `zircon${Date.now()}`;
    const practices = [];
    for (let index = 0; index < 21; index += 1) {
      practices.push(await sharePractice(service, kzFocalPoint, { title: unique(`Register of ${word} ${index}`) }));
    }
    const page = await harness.openConsole();
    await signInAs(page, kzParticipant);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Words to find').fill(word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('20 items shown, best match first').waitFor();
    expect(page.url()).toContain(`text=${word}`);
    await page.getByRole('button', { name: 'More results' }).click();
    await page.getByText('21 items shown, best match first').waitFor();
    expect(await page.getByRole('button', { name: 'More results' }).count()).toBe(0);
    await page.getByRole('link', { name: practices[3]?.title ?? '' }).click();
    await page.getByRole('heading', { level: 1, name: practices[3]?.title ?? '' }).waitFor();

    await page.goto(`${service.origin}/search?text=nothing${Date.now()}`);
    await page.getByText('Nothing matches.').waitFor();
  });

  it('narrows a search by kind, topic and subregion, and finds an item by its answer', async () => {
    const { service } = harness;
    const word = `basalt${Date.now()}`;
    const practice = await sharePractice(service, kzFocalPoint, {
      title: unique(`Practice on ${word}`),
      topics: ['PREPAREDNESS'],
    });
    const question = await askQuestion(service, kzFocalPoint, {
      title: unique('Who inspects dams?'),
      topics: ['TAILINGS_SAFETY'],
    });
    await answerQuestion(service, uzParticipant, question.id, { body: `Our ${word} committee does, every year.` });
    const page = await harness.openConsole();
    await signInAs(page, kzParticipant);
    await page.goto(`${harness.service.origin}/search?text=${word}`);
    const results = page.locator('.feed .entry-title');
    await page.getByText('2 items shown, best match first').waitFor();
    expect((await results.allTextContents()).sort()).toEqual([practice.title, question.title].sort());

    await page.getByRole('checkbox', { name: 'Question' }).check();
    await page.waitForURL(/kinds=QUESTION/);
    await page.getByText('1 item shown, best match first').waitFor();
    expect(await results.allTextContents()).toEqual([question.title]);
    await page.getByRole('checkbox', { name: 'Question' }).uncheck();
    await page.getByLabel('Topic').selectOption({ label: 'Preparedness' });
    await page.waitForURL(/topic=PREPAREDNESS/);
    await page.getByText('1 item shown, best match first').waitFor();
    expect(await results.allTextContents()).toEqual([practice.title]);
    await page.getByLabel('Topic').selectOption({ label: 'All topics' });
    await page.getByLabel('Subregion').selectOption({ label: 'South-Eastern Europe' });
    await page.getByText('Nothing matches.').waitFor();
    expect(page.url()).toContain(`text=${word}`);
    await page.getByLabel('Subregion').selectOption({ label: 'Central Asia' });
    await page.getByText('2 items shown, best match first').waitFor();
    await screenshots(page, 'search');
  });
});

describe('the web console in Russian', () => {
  it('speaks Russian on the consultation, project, question and country pages, their forms open', async () => {
    const { service } = harness;
    const consultation = await requestConsultation(service, kzFocalPoint, {
      title: unique('Консультация по хвостохранилищу'),
      consultedCountries: ['KG', 'UZ'],
      links: [{ url: 'https://example.org/study.pdf', title: 'Исследование', kind: 'REPORT' }],
    });
    for (const position of ['POSSIBLE_EFFECTS', 'NO_SIGNIFICANT_EFFECTS']) {
      dataOf(
        await service.gql(kgFocalPoint, RESPOND_TO_CONSULTATION, {
          consultationId: consultation.id,
          position,
          body: 'Оценка Кыргызстана',
        }),
      );
    }
    const proposal = await proposeJointProject(service, kzFocalPoint, {
      title: unique('Промышленная безопасность в Центральной Азии'),
      partnerCountries: ['UZ'],
    });
    await respondToInvitation(service, uzFocalPoint, proposal.id, true);
    dataOf(await service.gql(kzFocalPoint, SUBMIT_PROPOSAL, { id: proposal.id }));
    dataOf(
      await service.gql(secretariat, REVIEW_PROPOSAL, { id: proposal.id, decision: 'ENDORSE', note: 'Одобрено.' }),
    );
    dataOf(
      await service.gql(kzFocalPoint, START_IMPLEMENTATION, {
        id: proposal.id,
        startedOn: '2019-09-01T00:00:00.000Z',
        donor: 'Швейцария',
      }),
    );
    dataOf(
      await service.gql(kzFocalPoint, RECORD_PROJECT_ACTIVITY, {
        input: {
          proposalId: proposal.id,
          kind: 'SUBREGIONAL_WORKSHOP',
          title: 'Субрегиональный семинар',
          startsOn: '2019-10-08T00:00:00.000Z',
          endsOn: '2019-10-10T00:00:00.000Z',
          venue: 'Алматы, Казахстан',
          countries: ['KZ', 'UZ'],
          outcome: 'Согласован контрольный перечень.',
          links: [{ url: 'https://example.org/agenda.pdf', title: 'Повестка', kind: 'OTHER' }],
        },
      }),
    );
    const question = await askQuestion(service, kzFocalPoint, { title: unique('Кто проверяет плотины?') });
    const answer = await answerQuestion(service, uzParticipant, question.id, { body: 'Госкомпромбез.' });
    dataOf(
      await service.gql(uzParticipant, EDIT_ANSWER, {
        questionId: question.id,
        answerId: answer.id,
        body: 'Госкомпромбез, ежегодно.',
      }),
    );
    await postComment(service, uzParticipant, consultation.id, { body: 'Комментарий' });

    const page = await harness.openConsole({ locale: 'ru-RU' });
    await signInAs(page, kzFocalPoint);
    await page.getByRole('heading', { level: 1, name: 'Центральная Азия' }).waitFor();
    await feedEntry(page, consultation.title).first().waitFor();
    await waitLive(page);
    await expectRussian(page, 'feed-v2');

    await page.getByRole('link', { name: 'Запросить консультацию' }).click();
    await page.getByRole('group', { name: 'Соседи страны: Казахстан' }).waitFor();
    await page.getByRole('button', { name: 'Добавить ссылку' }).click();
    await expectRussian(page, 'consultation-request');

    await page.goto(itemUrl(consultation.id));
    await page.getByRole('heading', { level: 1, name: consultation.title }).waitFor();
    await page.getByText('Прежние версии (1)').click();
    await page.getByRole('button', { name: 'Отозвать консультацию' }).click();
    await expectRussian(page, 'item-consultation');

    await page.goto(itemUrl(proposal.id));
    await page.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
    await page.getByRole('button', { name: 'Записать мероприятие' }).click();
    await page.getByRole('button', { name: 'Добавить ссылку' }).click();
    await page.getByRole('button', { name: 'Завершить проект' }).click();
    await expectRussian(page, 'item-project');

    await page.goto(itemUrl(question.id));
    await page.getByRole('heading', { level: 1, name: question.title }).waitFor();
    await page.getByRole('button', { name: 'Изменить вопрос' }).click();
    await page.getByRole('button', { name: 'Закрыть вопрос' }).click();
    await expectRussian(page, 'item-question-edited');

    await page.getByRole('link', { name: 'Профили стран' }).click();
    await page.locator('table.profiles tbody tr').first().waitFor();
    await expectRussian(page, 'countries');
    await page.getByRole('link', { name: 'Казахстан' }).click();
    await page.getByRole('heading', { name: 'Обновить профиль' }).waitFor();
    await expectRussian(page, 'country-profile');

    await page.getByRole('link', { name: 'Поиск' }).click();
    await page.getByLabel('Что искать').fill('Промышленная');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: proposal.title }).waitFor();
    await expectRussian(page, 'search');
  });
});
