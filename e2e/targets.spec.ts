import { expect, test, type Page } from '@playwright/test';
import { signIn, signInAs } from './fixtures';

// Russian, the language the demo head ends up with whatever ran before (language.spec saves it).
test.use({ locale: 'ru-RU' });

/** Digits grouped the Russian way (a no-break or narrow space). */
const grouped = (digits: string) => new RegExp(digits.replace(/(\d)(?=(\d{3})+$)/g, '$1[\\s\\u00a0\\u202f]'));
const ungroup = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

test('a head sets a target, plans one, applies it, and the manager sees it on Today', async ({ page, browser }) => {
  const manager = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signInAs(manager, 'manager1@voronka.demo', '/today');
  const managerName = (await manager.getByTestId('current-user').first().innerText()).trim();

  await signIn(page, 'head');
  // The month's grid: the manager's revenue target, saved with the version it was read at.
  const row = page.getByTestId('targets-row').filter({ hasText: managerName });
  await row.locator('input[data-metric="revenue"]').fill('2345678');
  await page.getByTestId('targets-grid').getByRole('button', { name: /^Сохранить/ }).click();
  await expect(page.getByTestId('targets-grid').getByRole('status')).toHaveText('Планы сохранены.');
  await expect(page.getByTestId('plan-fact-managers').locator('article').filter({ hasText: managerName })).toContainText(grouped('2345678'));

  // The planner: what 3,000,000 takes for this manager, then one click makes it the targets.
  const planner = page.getByTestId('target-planner');
  await planner.getByTestId('planner-manager').selectOption({ label: managerName });
  await planner.getByTestId('planner-revenue').fill('3000000');
  await planner.getByTestId('planner-run').click();
  await expect(planner.getByTestId('planner-plan')).toBeVisible();
  await expect(planner.getByTestId('planner-figures')).toBeVisible();
  const calls = (await planner.getByTestId('plan-calls').innerText()).trim();
  const won = (await planner.getByTestId('plan-won').innerText()).trim();
  await planner.getByTestId('planner-apply').click();
  await expect(planner.getByRole('status')).toHaveText('План стал планами менеджера на месяц.');
  await expect(row.locator('input[data-metric="revenue"]')).toHaveValue('3000000');
  await expect(row.locator('input[data-metric="calls"]')).toHaveValue(ungroup(calls));

  // The manager's Today: the month against the new targets, and the working days left.
  await manager.reload();
  const card = manager.getByTestId('today-plan-fact-card');
  await expect(card).toContainText(grouped('3000000'));
  await expect(card.getByTestId('fact-calls')).toContainText(`/${calls}`);
  await expect(card.getByTestId('fact-won_deals')).toContainText(`/${won}`);
  await expect(manager.getByTestId('working-days')).toContainText(/Осталось \d+ рабоч\S+ д\S+ из \d+/);
});

test('two editors of the same cell: the second save is refused and shows the first one\'s value', async ({ page, browser }) => {
  const other = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signIn(page, 'head');
  await signIn(other, 'head');
  const cell = (p: Page) => p.getByTestId('targets-row').nth(1).locator('input[data-metric="meetings"]');
  const save = (p: Page) => p.getByTestId('targets-grid').getByRole('button', { name: /^Сохранить/ }).click();
  await cell(page).fill('41');
  await cell(other).fill('42');
  await save(page);
  await expect(page.getByTestId('targets-grid').getByRole('status')).toHaveText('Планы сохранены.');
  await save(other);
  await expect(other.getByTestId('targets-grid').getByRole('alert')).toContainText('Кто-то изменил эти планы');
  await expect(cell(other)).toHaveValue('41');
});

test('the targets grid, planner and Team screen fit a 375 px phone', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 375, height: 812 } })).newPage();
  await signInAs(page, 'head1@voronka.demo', '/team');
  await expect(page.getByTestId('targets-grid')).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screens/team-375.png', fullPage: true });
  await page.getByTestId('plan-fact-managers').screenshot({ path: 'test-results/screens/plan-fact-375.png' });
  await page.getByTestId('targets-grid').screenshot({ path: 'test-results/screens/targets-grid-375.png' });
  await page.getByTestId('planner-revenue').fill('5000000');
  await page.getByTestId('planner-run').click();
  await expect(page.getByTestId('planner-result')).toBeVisible();
  await noSidewaysScroll(page);
  await page.getByTestId('target-planner').screenshot({ path: 'test-results/screens/planner-375.png' });

  // Reassignment from the hygiene drill-down: each deal can be handed to a colleague.
  await page.locator('[data-testid^="hygiene-"]:enabled').filter({ hasText: /^[1-9]/ }).first().click();
  await expect(page.getByTestId('hygiene-drilldown').getByRole('button', { name: 'Передать' }).first()).toBeVisible();
  await noSidewaysScroll(page);

  const admin = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 375, height: 812 } })).newPage();
  await signInAs(admin, 'admin@voronka.demo', '/admin');
  await admin.goto('/admin/calendar');
  await expect(admin.getByTestId('calendar-day').first()).toBeVisible();
  await noSidewaysScroll(admin);
  await admin.screenshot({ path: 'test-results/screens/work-calendar-375.png', fullPage: true });

  // Plan vs fact where a manager and an executive look first.
  const manager = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 375, height: 812 } })).newPage();
  await signInAs(manager, 'manager1@voronka.demo', '/today');
  await expect(manager.getByTestId('today-plan-fact')).toBeVisible();
  await noSidewaysScroll(manager);
  await manager.getByTestId('today-plan-fact').screenshot({ path: 'test-results/screens/today-plan-fact-375.png' });
  const executive = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 375, height: 812 } })).newPage();
  await signInAs(executive, 'director@voronka.demo', '/analytics');
  await expect(executive.getByTestId('home-revenue-forecast')).toContainText(/рабоч/);
  await executive.getByTestId('home-revenue').screenshot({ path: 'test-results/screens/home-revenue-375.png' });
});
