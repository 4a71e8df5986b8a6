import { expect, test } from '@playwright/test';
import { signIn, type DemoRole } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

const SCREENS: { role: DemoRole; path: string }[] = [
  { role: 'manager', path: '/today' },
  { role: 'manager', path: '/deals' },
  { role: 'manager', path: '/calendar' },
  { role: 'manager', path: '/pipeline' },
  { role: 'manager', path: '/leads' },
  { role: 'manager', path: '/leads/new' },
  { role: 'head', path: '/leads/duplicates' },
  { role: 'head', path: '/team' },
  { role: 'executive', path: '/analytics' },
  { role: 'admin', path: '/admin' },
  { role: 'admin', path: '/admin/api-keys' },
  { role: 'admin', path: '/admin/sources' },
];

test('the sign-in page fits a 375 px phone', async ({ page }) => {
  await page.goto('/signin');
  await page.screenshot({ path: 'test-results/screens/phone-signin.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

for (const { role, path } of SCREENS) {
  test(`${path} for ${role} has no horizontal scroll at 375 px and the menu opens`, async ({ page }) => {
    await signIn(page, role);
    await page.goto(path);
    await page.screenshot({ path: `test-results/screens/phone-${role}${path.replaceAll('/', '-')}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Меню' }).click();
    await expect(page.locator('#mobile-menu').getByRole('link').first()).toBeVisible();
    await page.screenshot({ path: `test-results/screens/phone-${role}${path.replaceAll('/', '-')}-menu.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
}
