import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

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
});
