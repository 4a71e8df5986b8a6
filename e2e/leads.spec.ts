import { expect, test } from '@playwright/test';
import { signInAs } from './fixtures';

test.use({ locale: 'ru-RU' });

test('a manager junks a lead with a reason, converts another into company + contact + deal, and finds the deal on the pipeline', async ({ page }) => {
  await signInAs(page, 'manager4@voronka.demo', '/today');
  await page.goto('/leads');
  await page.getByRole('combobox', { name: 'Статус' }).selectOption('new');
  const rows = page.getByTestId('lead-row');
  await expect(rows.first()).toBeVisible();

  const junkRow = rows.first();
  const junkId = await junkRow.getAttribute('data-lead-id');
  const junkTitle = await junkRow.locator('.font-medium').first().innerText();
  await junkRow.getByRole('button', { name: 'Брак' }).click();
  const junkDialog = page.getByRole('dialog');
  await junkDialog.getByRole('button', { name: 'Отбраковать' }).click();
  await expect(junkDialog.getByRole('alert')).toHaveText('Укажите причину.');
  await junkDialog.getByLabel('Причина').selectOption({ index: 1 });
  await junkDialog.getByRole('button', { name: 'Отбраковать' }).click();
  await expect(page.getByText('Лид отбракован.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Статус' }).selectOption('junk');
  await page.getByRole('searchbox').fill(junkTitle);
  await expect(page.locator(`[data-lead-id="${junkId}"]`).getByTestId('lead-status')).toHaveText('Брак');

  await page.getByRole('searchbox').fill('');
  await page.getByRole('combobox', { name: 'Статус' }).selectOption('new');
  const row = rows.first();
  const leadId = await row.getAttribute('data-lead-id');
  await row.getByRole('button', { name: 'Конвертировать' }).click();
  const dialog = page.getByRole('dialog');
  for (const part of ['Компания', 'Контакт', 'Сделка']) await dialog.getByLabel(part, { exact: true }).check();
  await dialog.getByLabel('Название компании').fill('ООО "Проверка конвертации"');
  await dialog.getByLabel('Фамилия').fill('Проверкин');
  const dealTitle = `Сделка из лида ${leadId}`;
  await dialog.getByLabel('Название сделки').fill(dealTitle);
  await dialog.getByLabel('Сумма, ₽').fill('250000');
  await dialog.getByRole('button', { name: 'Конвертировать' }).click();
  await expect(page.getByText('Лид конвертирован.')).toBeVisible();

  await page.goto('/pipeline');
  await page.getByRole('searchbox').fill(dealTitle);
  const card = page.getByTestId('board-column').first().getByTestId('board-card').filter({ hasText: dealTitle });
  await expect(card).toBeVisible();
  await expect(card).toContainText('ООО "Проверка конвертации"');
  await expect(card).toContainText('250 000,00');
});
