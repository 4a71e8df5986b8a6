import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { signIn } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

/** The total under a list ("Страница 1 из 2 · всего 27"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Страницы' }).innerText();
  return Number((/всего\s*([\d\s\u00a0\u202f]+)/.exec(text)?.[1] ?? '').replace(/\D/g, ''));
}

/** A screenshot of what the phone shows, kept in the test's output folder and attached to its report. */
async function attachScreen(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('an executive on a phone lands on the home, opens a tile, changes the period and drills down to the deals', async ({ page }, testInfo) => {
  await signIn(page, 'executive');
  await expect(page).toHaveURL(/\/analytics$/);
  const home = page.getByTestId('executive-home');
  await expect(home).toBeVisible();
  for (const tile of ['home-revenue', 'home-win-rate', 'home-pipeline', 'home-hygiene', 'home-movers']) await expect(page.getByTestId(tile)).toBeVisible();
  // Every tile fits the first screen of a 375 × 812 phone, and nothing scrolls sideways.
  const box = await home.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(812);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // The reports are still listed under the tiles.
  await expect(page.getByRole('link', { name: 'Дебиторка' }).first()).toBeAttached();
  await attachScreen(page, testInfo, 'home-375.png');

  // The win-rate tile opens the conversion report for this month, showing the same rate.
  const percent = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
  const rate = percent(await page.getByTestId('home-win-rate').locator('.text-xl').innerText());
  await page.getByTestId('home-win-rate').click();
  await expect(page).toHaveURL(/\/analytics\/conversion$/);
  const reportRate = page.getByText('Доля выигранных', { exact: true }).first().locator('..').locator('.text-2xl');
  await expect(reportRate).toBeVisible();
  // The tile rounds to whole per cent, the report to tenths.
  expect(Math.abs(percent(await reportRate.innerText()) - rate)).toBeLessThanOrEqual(0.55);
  await attachScreen(page, testInfo, 'conversion-this-month.png');

  // Another period: last month.
  await page.getByLabel('Период').selectOption('lastMonth');
  await expect(page).toHaveURL(/period=lastMonth/);
  await expect(page.getByTestId('report-table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await attachScreen(page, testInfo, 'conversion-last-month.png', true);

  // Drill down: a manager's won deals of last month open as the deals list, as many as the report says.
  const won = page.getByTestId('report-table').locator('a[href*="status=won"]').filter({ hasText: /^[1-9]\d*$/ }).first();
  const deals = Number((await won.innerText()).replace(/\D/g, ''));
  await won.click();
  await expect(page).toHaveURL(/\/deals\?.*status=won/);
  await expect.poll(() => listTotal(page)).toBe(deals);
  await attachScreen(page, testInfo, 'deals-drill-down.png');
});

test("the home's other tiles open what is behind them: a team's hygiene board, a mover's won deals, the debts", async ({ page }, testInfo) => {
  await signIn(page, 'executive');
  // Hygiene: the team's row opens the team screen on that team, with the same counts.
  const row = page.getByTestId('home-hygiene').locator('tbody tr').first();
  const [withoutTask, overdueTask, unprocessed] = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/team\?teamId=\d+$/);
  const teamId = /teamId=(\d+)/.exec(page.url())![1]!;
  await expect(page.getByRole('combobox').first()).toHaveValue(teamId);
  // The board's columns: unprocessed, without a task, overdue.
  await expect(page.getByTestId('hygiene-board').locator('tfoot td')).toHaveText(['Итого', unprocessed!, withoutTask!, overdueTask!]);
  await attachScreen(page, testInfo, 'team-hygiene.png');

  // A mover opens their won deals of this month.
  await page.goto('/analytics');
  const mover = page.getByTestId('home-mover').first();
  if ((await mover.count()) > 0) {
    await mover.click();
    await expect(page).toHaveURL(/\/deals\?.*status=won.*ownerId=\d+/);
    await expect(page.getByRole('combobox', { name: 'Ответственный' })).toHaveValue(/ownerId=(\d+)/.exec(page.url())![1]!);
  }

  // The receivables report from the list under the tiles: debts at 375 px, a debtor opens its card.
  await page.goto('/analytics/receivables');
  await expect(page.getByTestId('receivables-aging')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await attachScreen(page, testInfo, 'receivables-375.png', true);
  const debtor = page.getByTestId('receivables-client').filter({ hasNotText: '(контакт)' }).first().getByRole('link');
  const name = await debtor.innerText();
  await debtor.click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
