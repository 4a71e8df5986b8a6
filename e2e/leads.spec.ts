import { expect, test } from '@playwright/test';
import { signInAs } from './fixtures';

test.use({ locale: 'ru-RU' });

test('a head junks a lead with a reason, converts another into company + contact + deal, and finds the deal on the pipeline', async ({ page }) => {
  // A head works the whole team's leads, so there are always open ones to junk and convert.
  await signInAs(page, 'head2@voronka.demo', '/team');
  await page.goto('/leads');
  // Open leads (new or in progress) are the ones with actions; the demo day always has some.
  const openRows = page.getByTestId('lead-row').filter({ has: page.getByRole('button', { name: 'Конвертировать' }) });
  await expect(openRows.first()).toBeVisible();

  const junkRow = openRows.first();
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
  await page.getByRole('combobox', { name: 'Статус' }).selectOption('');
  const row = openRows.first();
  await expect(row).toBeVisible();
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

test('a head hands an open lead to a colleague from its card, on a phone', async ({ page }) => {
  await signInAs(page, 'head2@voronka.demo', '/team');
  await page.goto('/leads');
  // The last open lead: the test above works on the first ones.
  const openRows = page.getByTestId('lead-row').filter({ has: page.getByRole('button', { name: 'Конвертировать' }) });
  await expect(openRows.first()).toBeVisible();
  const leadId = await openRows.last().getAttribute('data-lead-id');

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/leads/${leadId}`);
  const form = page.getByTestId('lead-reassign');
  const owner = form.getByRole('combobox');
  const current = await owner.inputValue();
  const colleagues = await owner.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
  const [value, name] = colleagues.find(([id]) => id !== current)!;
  await owner.selectOption(value!);
  await form.getByRole('button', { name: 'Передать' }).click();
  await expect(page.getByText(`Ответственный: ${name}`)).toBeVisible();
  await expect(page.getByTestId('lead-reassign').getByRole('combobox')).toHaveValue(value!);
  await page.screenshot({ path: 'test-results/screens/lead-reassign-phone.png', fullPage: true });
});
