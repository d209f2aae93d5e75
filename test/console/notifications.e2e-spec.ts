import type { Page } from 'playwright-core';
import { answerQuestion, askQuestion, postComment, sharePractice, unique } from '../api/support/api.js';
import { screenshots } from './support/browser.js';
import { demo, expectRussian, problemsOf, signInAs, useConsoleHarness, waitLive } from './support/console-harness.js';

/*
 * Notifications in the web console: the unread badge kept live by
 * notificationAdded, the inbox, read marks, watching an item and mentions.
 * Whatever the service held before (demo data included), each test counts
 * from what the badge said when it began.
 */

const kzParticipant = demo('kz-participant');
const kzFocalPoint = demo('kz-focal-point');
const uzParticipant = demo('uz-participant');

const harness = useConsoleHarness();

const itemUrl = (id: string) => `${harness.service.origin}/items/${encodeURIComponent(id)}`;

/** The unread count the navigation's badge shows, once it has been counted. */
async function unreadOf(page: Page): Promise<number> {
  const badge = page.locator('nav .unread[data-unread]:not([data-unread=""])');
  await badge.waitFor({ state: 'attached' });
  return Number(await badge.getAttribute('data-unread'));
}

async function waitUnread(page: Page, count: number): Promise<void> {
  await page.locator(`nav .unread[data-unread="${count}"]`).waitFor({ state: 'attached' });
}

describe('notifications in the web console', () => {
  it('counts a notification live when another participant answers, lists it, and marks it read', async () => {
    const { service } = harness;
    const question = await askQuestion(service, kzParticipant, { title: unique('Who inspects tailings dams?') });
    const practice = await sharePractice(service, uzParticipant, { title: unique('Dam inspection checklist') });
    const kz = await harness.openConsole();
    await signInAs(kz, kzParticipant);
    await waitLive(kz);
    const before = await unreadOf(kz);

    await answerQuestion(service, uzParticipant, question.id, { body: 'The State Committee, every year.' });
    await waitUnread(kz, before + 1);
    expect(await kz.locator('nav .badge-unread').textContent()).toBe(String(before + 1));

    await kz.getByRole('link', { name: /^Notifications/ }).click();
    await kz.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const first = kz.locator('.notification').first();
    await first.getByText('Your question was answered').waitFor();
    expect(await first.textContent()).toContain(question.title);
    expect(await first.textContent()).toContain('The State Committee, every year.');
    expect(await first.getAttribute('data-read')).toBe('false');

    // Watching an item: its next activity arrives in the open inbox and the badge.
    await kz.goto(itemUrl(practice.id));
    await kz.getByRole('button', { name: 'Watch this item', pressed: false }).click();
    await kz.getByRole('button', { name: 'Watch this item', pressed: true }).waitFor();
    await kz.getByRole('link', { name: /^Notifications/ }).click();
    await kz.locator('.notification').first().waitFor();
    await postComment(service, uzParticipant, practice.id, { body: 'Updated for the 2019 season.' });
    const watched = kz.locator('.notification', { hasText: 'On an item you watch' });
    await watched.getByText('Updated for the 2019 season.').waitFor();
    await waitUnread(kz, before + 2);
    await screenshots(kz, 'notifications');

    // Read up to the answer: the watched item's newer notification stays unread.
    await kz
      .locator('.notification', { hasText: 'Your question was answered' })
      .getByRole('button', { name: 'Mark this and earlier ones as read' })
      .click();
    await waitUnread(kz, 1);
    await kz.locator('.notification[data-read="true"]', { hasText: 'Your question was answered' }).waitFor();
    expect(await kz.locator('.notification[data-read="false"]').count()).toBe(1);
    await kz.getByRole('checkbox', { name: 'Unread only' }).check();
    await kz.waitForURL(/unread=1/);
    await kz.locator('.notification', { hasText: 'On an item you watch' }).waitFor();
    expect(await kz.locator('.notification').count()).toBe(1);
    await kz.getByRole('button', { name: 'Mark all as read' }).click();
    await waitUnread(kz, 0);
    await kz.getByText('No notifications.').waitFor();
    expect(await kz.locator('nav .badge-unread').count()).toBe(0);

    await kz.goto(itemUrl(practice.id));
    await kz.getByRole('button', { name: 'Watch this item', pressed: true }).click();
    await kz.getByRole('button', { name: 'Watch this item', pressed: false }).waitFor();
    expect(problemsOf(kz)).toEqual([]);
  });

  it('mentions a participant picked from the directory, whose badge counts it live', async () => {
    const { service } = harness;
    const practice = await sharePractice(service, kzFocalPoint, { title: unique('Hazard map of Almaty region') });
    const uz = await harness.openConsole();
    await signInAs(uz, uzParticipant);
    await waitLive(uz);
    const before = await unreadOf(uz);

    const kz = await harness.openConsole();
    await signInAs(kz, kzParticipant);
    await kz.goto(itemUrl(practice.id));
    await kz.getByLabel('Your comment').fill('Could you share your legend?');
    await kz.getByLabel('Mention a participant').fill('Rust');
    await kz
      .getByRole('list', { name: 'Participants to mention' })
      .getByRole('button', { name: /Rustam Aliev/ })
      .click();
    expect(await kz.getByLabel('Your comment').inputValue()).toBe('Could you share your legend? @Rustam Aliev ');
    await kz.getByRole('button', { name: 'Post comment' }).click();
    await kz.locator('.comment-body', { hasText: '@Rustam Aliev' }).waitFor();

    await waitUnread(uz, before + 1);
    await uz.getByRole('link', { name: /^Notifications/ }).click();
    const mention = uz.locator('.notification').first();
    await mention.getByText('You were mentioned').waitFor();
    expect(await mention.textContent()).toContain(practice.title);
    await screenshots(kz, 'item-mention');
  });

  it('speaks Russian on the inbox and the comment form with its mentions', async () => {
    const { service } = harness;
    const question = await askQuestion(service, kzParticipant, { title: unique('Кто проверяет плотины?') });
    await answerQuestion(service, uzParticipant, question.id, { body: 'Госкомпромбез.' });
    const page = await harness.openConsole({ locale: 'ru-RU' });
    await signInAs(page, kzParticipant);
    await page.getByRole('link', { name: /^Уведомления/ }).click();
    await page.locator('.notification').first().waitFor();
    await expectRussian(page, 'notifications');

    await page.goto(itemUrl(question.id));
    await page.getByRole('heading', { level: 1, name: question.title }).waitFor();
    await page.getByLabel('Упомянуть участника').fill('Rust');
    await page.getByRole('list', { name: 'Участники для упоминания' }).waitFor();
    await expectRussian(page, 'item-mention');
  });
});
