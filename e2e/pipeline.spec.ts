import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './fixtures';

test.use({ locale: 'ru-RU' });

/** Presses on a card's amount line (not its link) and starts dragging it. */
async function pickUp(page: Page, card: Locator) {
  // A card re-sorted into a long column may sit below the fold: the mouse only reaches what is on screen.
  await card.scrollIntoViewIfNeeded();
  const grip = (await card.getByText(/₽/).boundingBox())!;
  await page.mouse.move(grip.x + 5, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + 15, grip.y + grip.height / 2 + 10, { steps: 5 });
}

/** dnd-kit listens to real mouse movement: press, travel in steps, release. */
async function drag(page: Page, source: Locator, target: Locator) {
  const to = (await target.boundingBox())!;
  await pickUp(page, source);
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 80), { steps: 20 });
  await page.mouse.up();
}

const columns = (page: Page) => page.getByTestId('board-column');
const countIn = async (column: Locator) => Number((await column.getByTestId('column-totals').innerText()).match(/\d+/)![0]);

test('a manager drags a deal forward two stages, cannot drag it back, and closes it as lost', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/pipeline');
  const first = columns(page).nth(0);
  const third = columns(page).nth(2);
  await expect(first.getByTestId('board-card').first()).toBeVisible();
  const card = first.getByTestId('board-card').first();
  const dealId = await card.getAttribute('data-deal-id');
  const [firstBefore, thirdBefore] = [await countIn(first), await countIn(third)];

  await drag(page, card, third);
  const moved = third.locator(`[data-deal-id="${dealId}"]`);
  await expect(moved).toBeVisible();
  await expect(page.getByTestId('board-notice')).toHaveText('Сделка перемещена.');
  await expect.poll(() => countIn(first)).toBe(firstBefore - 1);
  await expect.poll(() => countIn(third)).toBe(thirdBefore + 1);
  await page.waitForLoadState('networkidle'); // the board has re-read the server's order

  await drag(page, moved, columns(page).nth(1));
  await expect(page.getByTestId('board-notice')).toContainText('только вперёд');
  await expect(third.locator(`[data-deal-id="${dealId}"]`)).toBeVisible();

  // Lost: the drop zones appear while dragging; a reason is required.
  await pickUp(page, third.locator(`[data-deal-id="${dealId}"]`));
  const lostZone = page.getByTestId('drop-lost');
  await expect(lostZone).toBeVisible();
  const zone = (await lostZone.boundingBox())!;
  await page.mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 20 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть как проигранную' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Укажите причину проигрыша.');
  await dialog.getByLabel('Причина проигрыша').selectOption({ index: 1 });
  await dialog.getByLabel('Комментарий').fill('Выбрали конкурента');
  await dialog.getByRole('button', { name: 'Закрыть как проигранную' }).click();
  await expect(page.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  await expect.poll(() => countIn(third)).toBe(thirdBefore);

  await page.goto(`/deals/${dealId}`);
  await expect(page.getByTestId('stage-history')).toContainText('Проиграна');
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the stage menu moves a deal forward and the board scrolls sideways, not the page', async ({ page }) => {
    await signIn(page, 'manager');
    await page.goto('/pipeline');
    const card = columns(page).nth(0).getByTestId('board-card').first();
    const dealId = await card.getAttribute('data-deal-id');
    const stageName = await columns(page).nth(1).getAttribute('aria-label');
    await card.getByTestId('stage-menu').selectOption({ label: stageName! });
    await expect(columns(page).nth(1).locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/phone-pipeline.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test('the filtered deals list exports to XLSX with the same rows', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/deals');
  const pageInfo = page.getByText(/Страница \d+ из \d+ · всего \d+/);
  const unfiltered = await pageInfo.innerText();
  await page.getByRole('button', { name: 'Фильтры' }).click();
  await page.getByRole('combobox', { name: /^Статус/ }).selectOption('won');
  await expect(pageInfo).not.toHaveText(unfiltered);
  const total = Number((await pageInfo.innerText()).match(/всего (\d+)/)![1]);
  expect(total).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('Сделки')!;
  expect(sheet.getRow(1).getCell(2).value).toBe('Сделка');
  expect(sheet.actualRowCount - 1).toBe(total);
  for (let row = 2; row <= sheet.actualRowCount; row++) expect(sheet.getRow(row).getCell(5).value).toBe('Успешна');
});
