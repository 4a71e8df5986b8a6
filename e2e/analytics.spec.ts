import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { REPORTS, reportHref } from '../lib/analytics/reports';
import { signIn } from './fixtures';

/** The total under a list ("Страница 1 из 2 · всего 27"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Страницы' }).innerText();
  return Number((/всего\s*([\d\s\u00a0\u202f]+)/.exec(text)?.[1] ?? '').replace(/\D/g, ''));
}

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

test('an executive on a phone opens the reports, changes the period, and the figures follow', async ({ page }) => {
  await signIn(page, 'executive');
  await page.goto('/analytics');
  await page.getByRole('link', { name: 'Воронка продаж' }).first().click();
  await expect(page).toHaveURL(/\/analytics\/funnel$/);
  const table = page.getByTestId('report-table');
  await expect(table).toBeVisible();
  const createdThisMonth = await page.getByText('Сделок создано').locator('..').locator('.text-2xl').innerText();
  await page.screenshot({ path: 'test-results/screens/report-funnel-month.png', fullPage: true });

  await page.getByLabel('Период').selectOption('year');
  await expect(page).toHaveURL(/period=year/);
  await expect(page.getByText('Сделок создано').locator('..').locator('.text-2xl')).not.toHaveText(createdThisMonth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/screens/report-funnel-year.png', fullPage: true });

  // The tabs carry the filters to the next report.
  await page.getByRole('link', { name: 'Срез воронки' }).click();
  await expect(page).toHaveURL(/\/analytics\/snapshot\?period=year/);
  await expect(page.getByTestId('report-table')).toContainText('Итого');
  await page.screenshot({ path: 'test-results/screens/report-snapshot.png', fullPage: true });

  // Drill-down: a stage's deal count opens the deals list filtered to that stage, with as many deals.
  const stageCount = page.getByTestId('drill-stage-deals').filter({ hasText: /^[1-9]/ }).first();
  const deals = Number((await stageCount.innerText()).replace(/\D/g, ''));
  await stageCount.click();
  await expect(page).toHaveURL(/\/deals\?.*status=open.*stageId=\d+/);
  await expect.poll(() => listTotal(page)).toBe(deals);
  if (deals <= 25) await expect(page.getByTestId('deal-card')).toHaveCount(deals);
});

test('the funnel\'s "reached" count of a stage equals the deals list behind it', async ({ page }) => {
  await signIn(page, 'executive');
  await page.goto('/analytics/funnel?period=year');
  const reached = page.getByTestId('drill-reached').filter({ hasText: /^[1-9]/ }).nth(1);
  const deals = Number((await reached.innerText()).replace(/\D/g, ''));
  await reached.click();
  await expect(page).toHaveURL(/\/deals\?.*reachedStageId=\d+/);
  await expect.poll(() => listTotal(page)).toBe(deals);
  if (deals <= 25) await expect(page.getByTestId('deal-card')).toHaveCount(deals);

  // The report's filter shows on the list as a chip; removing it widens the list.
  const chip = page.getByRole('list', { name: 'Фильтры из отчёта' }).getByRole('listitem').filter({ hasText: 'Дошли до этапа:' });
  await expect(chip).toBeVisible();
  await chip.getByRole('button').click();
  await expect(chip).toHaveCount(0);
  await expect.poll(() => listTotal(page)).toBeGreaterThan(deals);
});

test('every report opens on a phone without sideways scrolling; a screenshot of each is kept', async ({ page }, testInfo) => {
  await signIn(page, 'executive');
  for (const report of REPORTS) {
    await page.goto(reportHref(report, 'period=year'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), report).toBeLessThanOrEqual(375);
    const path = testInfo.outputPath(`report-${report}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`report-${report}`, { path, contentType: 'image/png' });
  }
});
