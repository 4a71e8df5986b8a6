import { expect, test } from '@playwright/test';
import { signInAs } from './fixtures';

test.use({ locale: 'ru-RU' });

test('an admin issues an API key, a website posts a lead with it, and the head of the team finds it assigned with its first task', async ({ page, request }) => {
  await signInAs(page, 'admin@voronka.demo', '/admin');
  await page.goto('/admin/api-keys');
  await page.getByRole('button', { name: 'Новый ключ' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Название').fill('Форма на сайте (e2e)');
  await dialog.getByLabel('Лиды получает команда').selectOption({ label: 'Москва' });
  await dialog.getByRole('button', { name: 'Создать ключ' }).click();
  const secret = await dialog.getByTestId('api-key-secret').inputValue();
  expect(secret).toMatch(/^vk_/);

  // The website's form posts like a browser form does: the key is a field.
  const phone = `+7 916 ${String(Date.now()).slice(-7)}`;
  const posted = await request.post('/api/v1/leads', {
    form: { api_key: secret, name: 'Заявка из e2e', phone, comment: 'Перезвоните, пожалуйста', utm_source: 'e2e' },
  });
  expect(posted.status()).toBe(201);
  const lead = (await posted.json()) as { id: number; owner_id: number | null };
  expect(lead.owner_id).not.toBeNull();

  await page.context().clearCookies();
  await signInAs(page, 'head1@voronka.demo', '/team');
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByRole('heading', { name: 'Заявка из e2e' })).toBeVisible();
  await expect(page.getByText('Лид пришёл с веб-формы или из интеграции')).toBeVisible();
  await expect(page.getByText('Назначен распределением')).toBeVisible();
  await expect(page.getByText('Связаться с новым лидом').first()).toBeVisible();
});
