import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from './fixtures';

test.use({ locale: 'ru-RU' });

const count = async (page: Page, id: string) => Number(await page.getByTestId(`count-${id}`).innerText());

/** Waits until the counts on screen reflect the last action (the board re-reads after each one). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
}

/** The head's hygiene board row of one manager, as three numbers. */
async function boardRow(page: Page, managerName: string) {
  await page.goto('/team');
  const row = page.getByTestId('hygiene-row').filter({ hasText: managerName });
  return {
    unprocessed: Number(await row.getByTestId('hygiene-unprocessed').innerText()),
    withoutTask: Number(await row.getByTestId('hygiene-withoutTask').innerText()),
    overdueTask: Number(await row.getByTestId('hygiene-overdueTask').innerText()),
  };
}

/**
 * A manager of head1's team whose demo day is dirty, signed in on Today: the seed spreads the
 * dirt by its clock, so which manager has some depends on the hour the demo was built.
 */
async function dirtyManagerPage(browser: Browser): Promise<Page> {
  for (const n of [2, 3, 4, 5, 1]) {
    const page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
    await signInAs(page, `manager${n}@voronka.demo`, '/today');
    if ((await count(page, 'unprocessed')) + (await count(page, 'withoutTask')) + (await count(page, 'overdueTask')) > 0) return page;
    await page.context().close();
  }
  throw new Error("no manager of head1's team has a dirty day in the demo data");
}

test('a manager clears a dirty day to zero and sees the counts drop; the head sees the same counts', async ({ browser }) => {
  const page = await dirtyManagerPage(browser);
  const managerName = await page.getByTestId('current-user').first().innerText();
  const head = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signInAs(head, 'head1@voronka.demo', '/team');
  const start = {
    unprocessed: await count(page, 'unprocessed'),
    withoutTask: await count(page, 'withoutTask'),
    overdueTask: await count(page, 'overdueTask'),
  };
  expect(start.unprocessed + start.withoutTask + start.overdueTask).toBeGreaterThan(0);
  expect(await boardRow(head, managerName)).toEqual(start);
  await expect(page.getByTestId('clean-day')).toHaveCount(0);

  // Work each unprocessed new deal: one click logs the call.
  for (let i = 0; i < 30 && (await count(page, 'unprocessed')) > 0; i++) {
    const before = await count(page, 'unprocessed');
    await page.getByTestId('group-unprocessed').getByRole('button', { name: 'Позвонил' }).first().click();
    await expect.poll(() => count(page, 'unprocessed')).toBe(before - 1);
  }
  // Give every deal without a task its next step.
  for (let i = 0; i < 60 && (await count(page, 'withoutTask')) > 0; i++) {
    const before = await count(page, 'withoutTask');
    const group = page.getByTestId('group-withoutTask');
    await group.getByRole('button', { name: 'Новая задача' }).first().click();
    await group.getByRole('button', { name: 'Запланировать' }).click();
    await expect.poll(() => count(page, 'withoutTask')).toBe(before - 1);
  }
  // Overdue tasks: the first is completed (a next step may be asked for), the rest move to tomorrow.
  let completedOne = false;
  for (let i = 0; i < 80 && (await count(page, 'overdue')) > 0; i++) {
    const before = await count(page, 'overdue');
    const task = page.getByTestId('tasks-overdue').getByTestId('today-task').first();
    await task.getByRole('button', { name: completedOne ? 'Перенести на завтра' : 'Выполнено' }).click();
    completedOne = true;
    await expect.poll(() => count(page, 'overdue')).toBe(before - 1);
    await settled(page);
    const prompt = page.getByTestId('next-step');
    if (await prompt.isVisible()) {
      await prompt.getByRole('button', { name: 'Запланировать' }).click();
      await expect(prompt).toHaveCount(0);
    }
  }
  await settled(page);
  await expect(page.getByTestId('count-unprocessed')).toHaveText('0');
  await expect(page.getByTestId('count-withoutTask')).toHaveText('0');
  await expect(page.getByTestId('count-overdueTask')).toHaveText('0');
  await expect(page.getByTestId('clean-day')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/today-clean.png', fullPage: true });
  expect(await boardRow(head, managerName)).toEqual({ unprocessed: 0, withoutTask: 0, overdueTask: 0 });
  await head.screenshot({ path: 'test-results/screens/hygiene-board.png', fullPage: true });
});

test('on a deal card, a logged call shows in the timeline and completing the last task asks for the next step', async ({ page }) => {
  await signInAs(page, 'manager3@voronka.demo', '/today');
  await page.goto('/deals');
  await page.getByRole('button', { name: 'Фильтры' }).click();
  await page.getByRole('combobox', { name: /^Статус/ }).selectOption('open');
  await page.getByTestId('deal-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('activity-composer')).toBeVisible();

  // Plan one task, then log a call: both appear in the timeline.
  const composer = page.getByTestId('activity-composer');
  await composer.getByRole('tab', { name: 'Задача' }).click();
  await composer.getByLabel('Тема').fill('Проверить оплату');
  await composer.getByLabel('Срок').fill('2030-01-15T10:00');
  await composer.getByRole('button', { name: 'Запланировать' }).click();
  await expect(page.getByTestId('deal-timeline')).toContainText('Проверить оплату');
  await composer.getByRole('tab', { name: 'Звонок' }).click();
  await composer.getByLabel('Тема').fill('Обсудили сроки поставки');
  await composer.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('deal-timeline')).toContainText('Обсудили сроки поставки');

  // Complete every open task of the deal; after the last one the card asks for the next step.
  const timeline = page.getByTestId('deal-timeline');
  const prompt = page.getByTestId('next-step');
  const done = timeline.getByRole('button', { name: 'Выполнено' });
  for (let i = 0; i < 20; i++) {
    const before = await done.count();
    if (before === 0) break;
    await done.first().click();
    // Either the card asks for the next step, or the timeline shows one open task fewer.
    await expect.poll(async () => (await prompt.isVisible()) || (await done.count()) < before).toBe(true);
    if (await prompt.isVisible()) break;
  }
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Запланировать' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(timeline).toContainText('Связаться с клиентом');
});
