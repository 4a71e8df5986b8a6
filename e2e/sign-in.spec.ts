import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, signIn, type DemoRole } from './fixtures';

test.use({ locale: 'ru-RU' });

test('a visitor without a session is sent to sign-in, and back after signing in', async ({ page }) => {
  await page.goto('/deals');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdeals$/);
  await page.locator('input[name="email"]').fill(DEMO_USERS.manager.email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/deals$/);
  await expect(page.getByRole('heading', { name: 'Сделки' })).toBeVisible();
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill(DEMO_USERS.admin.email);
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('form p[role="alert"]')).toHaveText('Неверная почта или пароль.');
  await expect(page).toHaveURL(/\/signin$/);
});

test('a deactivated user cannot sign in', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill('former@voronka.demo');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('form p[role="alert"]')).toHaveText('Неверная почта или пароль.');
  await expect(page).toHaveURL(/\/signin$/);
});

const NAV_BY_ROLE: Record<DemoRole, { present: string[]; absent: string[] }> = {
  manager: { present: ['Сегодня', 'Сделки', 'Лиды'], absent: ['Аналитика', 'Администрирование', 'Команда'] },
  head: { present: ['Сегодня', 'Команда', 'Аналитика'], absent: ['Администрирование'] },
  executive: { present: ['Аналитика', 'Команда', 'Сделки'], absent: ['Сегодня', 'Администрирование'] },
  admin: { present: ['Администрирование', 'Аналитика'], absent: ['Сегодня'] },
};

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  test(`${role} signs in, lands on the role's home, sees the role's sections and signs out`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    for (const label of NAV_BY_ROLE[role].present) await expect(nav.getByRole('link', { name: label })).toBeVisible();
    for (const label of NAV_BY_ROLE[role].absent) await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto(DEMO_USERS[role].home);
    await expect(page).toHaveURL(/\/signin/);
  });
}

test('a manager sent to a section of another role lands on their own home', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/today$/);
});
