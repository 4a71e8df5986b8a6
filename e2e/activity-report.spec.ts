import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { signIn } from './fixtures';

/** The total under a list ("Страница 1 из 2 · всего 27"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Страницы' }).innerText();
  return Number((/всего\s*([\d\s\u00a0\u202f]+)/.exec(text)?.[1] ?? '').replace(/\D/g, ''));
}

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

test('an executive on a phone reads activity per manager by day and by week, and opens a manager\'s leads', async ({ page }) => {
  await signIn(page, 'executive');
  await page.goto('/analytics');
  await page.getByRole('link', { name: 'Активность менеджеров' }).first().click();
  await expect(page).toHaveURL(/\/analytics\/activity$/);
  const managers = page.getByTestId('activity-managers');
  await expect(managers).toContainText('Итого');
  // Pipeline and source do not apply: their filters are hidden and the page says why.
  await expect(page.getByLabel('Воронка', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Источник', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Фильтры по воронке и источнику здесь не действуют')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/screens/report-activity-month.png', fullPage: true });

  await page.getByRole('button', { name: 'По неделям' }).click();
  await expect(page.getByRole('button', { name: 'По неделям' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('activity-periods')).toContainText('Неделя');
  await page.getByLabel('Период').selectOption('lastMonth');
  await expect(page).toHaveURL(/period=lastMonth/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/screens/report-activity-last-month.png', fullPage: true });

  // A manager's new leads open the leads list behind the first-response figures, as many of them.
  const leads = page.getByTestId('drill-manager-leads').filter({ hasText: /^[1-9]/ }).first();
  const count = Number((await leads.innerText()).replace(/\D/g, ''));
  await leads.click();
  await expect(page).toHaveURL(/\/leads\?.*ownerId=\d+.*createdFrom=/);
  await expect.poll(() => listTotal(page)).toBe(count);
});
