import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures';

test.use({ locale: 'ru-RU' });

async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

test('an admin creates a manager, the manager signs in, the admin deactivates them, the manager’s next click lands on sign-in', async ({ page, browser }) => {
  const email = `e2e.manager.${Date.now()}@voronka.demo`;
  const password = 'river-stone-42';

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Пользователи и команды' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByTestId('new-user').click();
  const form = page.getByTestId('user-form');
  await form.locator('input[name="name"]').fill('Ирина Новикова');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="role"]').selectOption('manager');
  await form.locator('select[name="teamId"]').selectOption({ index: 1 });
  await form.locator('input[name="password"]').fill(password);
  await form.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Ирина Новикова' })).toBeVisible();

  // The manager, in a browser of their own.
  const managerContext = await browser.newContext({ locale: 'ru-RU' });
  const manager = await managerContext.newPage();
  await signInWith(manager, email, password);
  await expect(manager).toHaveURL(/\/today$/);
  await expect(manager.getByTestId('current-user').first()).toHaveText('Ирина Новикова');

  // The admin deactivates them (nothing is open yet, so nobody needs to take over).
  const access = page.getByTestId('user-deactivation');
  await expect(access.getByTestId('owned-counts')).toContainText('сделок — 0');
  await access.getByTestId('deactivate-user').click();
  await expect(access).toContainText('Пользователь деактивирован');

  // The manager's very next click: sign-in, and the old session cannot be used again.
  await manager.locator('nav a[href="/deals"]').first().click();
  await expect(manager).toHaveURL(/\/signin/);
  const api = await manager.request.get('/api/trpc/profile.me');
  expect(api.status()).toBe(401);
  await signInWith(manager, email, password);
  await expect(manager).toHaveURL(/\/signin/);
  await managerContext.close();

  // The deactivation is in the audit log, field by field.
  await page.getByRole('link', { name: 'История изменений пользователя' }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?entityType=user&entityId=\d+$/);
  const deactivation = page.getByTestId('audit-entry').first().getByTestId('audit-action');
  await expect(deactivation).toHaveText('деактивация');
  await expect(deactivation).toHaveAttribute('title', 'user.deactivate');
  await expect(page.getByTestId('audit-entry').first()).toContainText('isActive');
});

test('an admin fills the seller requisites: a wrong INN is refused by name, the right one is kept', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/organisation');
  const requisites = page.getByTestId('seller-requisites');
  const inn = requisites.getByLabel('ИНН');
  const seeded = await inn.inputValue();
  await inn.fill('12345');
  await requisites.getByRole('button', { name: 'Сохранить' }).click();
  await expect(requisites.getByRole('status')).toContainText('ИНН');
  await inn.fill('7707083893');
  await requisites.getByRole('button', { name: 'Сохранить' }).click();
  await expect(requisites.getByRole('status')).toHaveText('Сохранено.');
  await page.reload();
  await expect(inn).toHaveValue('7707083893');

  // Back to the demo's own, which the documents' print test expects.
  await inn.fill(seeded);
  await requisites.getByRole('button', { name: 'Сохранить' }).click();
  await expect(requisites.getByRole('status')).toHaveText('Сохранено.');
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  const SCREENS = [
    { name: 'users', path: '/admin/users' },
    { name: 'user-new', path: '/admin/users/new' },
    { name: 'reference-loss-reasons', path: '/admin/reference/loss-reasons' },
    { name: 'products', path: '/admin/products' },
    { name: 'organisation', path: '/admin/organisation' },
    { name: 'audit', path: '/admin/audit' },
    { name: 'profile', path: '/profile' },
    // The deal card offers the active deal types.
    { name: 'deal-card', path: '/deals/1' },
  ];

  test('the admin screens fit without sideways scroll', async ({ page }) => {
    await signIn(page, 'admin');
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await expect(page.locator('h1').first()).toBeVisible();
      await page.screenshot({ path: `test-results/screens/admin-${screen.name}.png`, fullPage: true });
      expect({ screen: screen.name, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ screen: screen.name, width: 375 });
    }
    // A user's own page: the form, password and access panels.
    await page.goto('/admin/users');
    await page.getByTestId('user-row').first().getByRole('link').click();
    await expect(page.getByTestId('user-form')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/admin-user-form.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  });
});
