import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

test('the browser language picks the first language, and the switch changes it and is saved', async ({ browser }) => {
  const english = await browser.newContext({ locale: 'en-US' });
  const page = await english.newPage();
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in to Voronka' })).toBeVisible();

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Воронку' })).toBeVisible();

  await signIn(page, 'head');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Deals' })).toBeVisible();
  await english.close();

  // A new browser that prefers Russian: the saved profile language wins once signed in.
  const russian = await browser.newContext({ locale: 'ru-RU' });
  const again = await russian.newPage();
  await signIn(again, 'head');
  await expect(again.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team' })).toBeVisible();
  await again.getByRole('button', { name: 'Русский' }).click();
  await expect(again.getByRole('navigation', { name: 'Разделы' })).toBeVisible();
  await russian.close();
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('money and dates follow the locale on the deals list', async ({ page }) => {
    await signIn(page, 'manager');
    await page.goto('/deals');
    const amount = page.getByTestId('deal-row').first().locator('td[data-column="amount"]');
    // Russian: "1 234 567,00 ₽" (group separator is a no-break space).
    await expect(amount).toHaveText(/^\d{1,3}([\u00a0\u202f ]\d{3})*,\d{2}[\u00a0\u202f ]₽$/);
  });
});
