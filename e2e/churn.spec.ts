import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

test('an executive on a phone reads churn: the cohort table scrolls inside its frame, a client at risk opens its card', async ({ page }) => {
  await signIn(page, 'executive');
  await page.goto('/analytics');
  await page.getByRole('link', { name: 'Отток' }).first().click();
  await expect(page).toHaveURL(/\/analytics\/churn$/);
  await expect(page.getByTestId('churn-window')).toContainText('180');
  await page.getByLabel('Период').selectOption('year');
  await expect(page).toHaveURL(/period=year/);
  await expect(page.getByTestId('churn-months')).toContainText('Прошлый период');
  const cohorts = page.getByTestId('churn-cohorts');
  await expect(cohorts).toContainText('Месяц 11');
  // The page itself never scrolls sideways; the cohort table does, inside its frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await cohorts.evaluate((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth)).toBe(true);
  await page.screenshot({ path: 'test-results/screens/report-churn.png', fullPage: true });

  // The at-risk list starts with 20 rows and grows on request.
  const visibleRows = page.getByTestId('churn-at-risk').locator('tbody tr:visible');
  const more = page.getByTestId('churn-at-risk-more');
  await expect(visibleRows).toHaveCount(20);
  await more.click();
  expect(await visibleRows.count()).toBeGreaterThan(20);

  const client = page.getByTestId('churn-at-risk').getByRole('link').first();
  await expect(client).toBeVisible();
  await client.click();
  await expect(page).toHaveURL(/\/(companies|contacts)\/\d+$/);
});

test('an admin sets the churn window, and the report counts with it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Организация' }).click();
  await expect(page).toHaveURL(/\/admin\/organisation$/);
  const settings = page.getByTestId('organisation-settings');
  const days = settings.getByLabel('Срок активности клиента, дней');
  await days.fill('3');
  await expect(settings.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  await days.fill('90');
  await settings.getByRole('button', { name: 'Сохранить' }).click();
  await expect(settings.getByRole('status')).toHaveText('Сохранено.');
  await page.goto('/analytics/churn');
  await expect(page.getByTestId('churn-window')).toContainText('90');
  await page.screenshot({ path: 'test-results/screens/report-churn-admin.png', fullPage: true });

  // Back to the default, for the other tests.
  await page.goto('/admin/organisation');
  await settings.getByLabel('Срок активности клиента, дней').fill('180');
  await settings.getByRole('button', { name: 'Сохранить' }).click();
  await expect(settings.getByRole('status')).toHaveText('Сохранено.');
});
