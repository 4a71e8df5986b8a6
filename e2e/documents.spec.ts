import { expect, test, type Page } from '@playwright/test';
import { signIn, signInAs } from './fixtures';

test.use({ viewport: { width: 375, height: 812 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

/** "12 345,67 ₽" → 1234567 kopecks. */
const kopecks = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', ''));

async function outstandingDebt(page: Page): Promise<number> {
  await page.goto('/analytics/receivables');
  const figure = page.getByText('Долг клиентов', { exact: true }).locator('..').locator('.text-2xl');
  await expect(figure).toBeVisible();
  return kopecks(await figure.innerText());
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test('a manager on a phone makes an offer, sends it, makes v2, accepts it, invoices it, takes half, and the debt shows in receivables', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The receivables before, as the director sees them.
  const director = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'ru-RU' });
  await signIn(director, 'executive');
  const debtBefore = await outstandingDebt(director);

  await signIn(page, 'manager');
  await page.goto('/deals?status=open');
  await page.getByTestId('deal-card').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/deals\/\d+$/);
  const offers = page.getByTestId('deal-offers');

  // An offer with two lines: 2 × 1 000 at 10 % off and 1 × 500, both with 20 % VAT.
  await offers.getByRole('button', { name: 'Новое КП' }).click();
  const editor = page.getByRole('form', { name: 'Новое КП' });
  await editor.getByLabel('Название КП').fill('Внедрение CRM');
  const first = editor.getByTestId('offer-line').nth(0);
  await first.getByLabel('Наименование').fill('Лицензия');
  await first.getByLabel('Кол-во').fill('2');
  await first.getByLabel('Цена без НДС').fill('1000');
  await first.getByLabel('Скидка, %').fill('10');
  await editor.getByRole('button', { name: 'Добавить позицию' }).click();
  const second = editor.getByTestId('offer-line').nth(1);
  await second.getByLabel('Наименование').fill('Настройка');
  await second.getByLabel('Цена без НДС').fill('500');
  await expect(editor.getByTestId('offer-preview')).toContainText('2 760,00');
  await noSidewaysScroll(page);
  await editor.getByRole('button', { name: 'Сохранить' }).click();

  const offer = offers.getByTestId('offer').filter({ hasText: 'Внедрение CRM' });
  const number = /КП №(\d+)/.exec(await offer.getByRole('heading').innerText())![1];
  const v1 = offer.getByTestId(`offer-version-${number}-1`);
  await expect(v1).toContainText('2 760,00');
  await expect(v1).toContainText('Черновик');
  await v1.getByRole('button', { name: 'Отправлено клиенту' }).click();
  // The card shows the new state once the page data is refreshed: the action buttons change.
  await expect(v1.getByRole('button', { name: 'Принято' })).toBeVisible();

  // v2 copies v1; a bigger discount on the licence: 2 × 1 000 × 0.85 × 1.2 + 600 = 2 640.
  await v1.getByRole('button', { name: 'Новая версия' }).click();
  const v2 = offer.getByTestId(`offer-version-${number}-2`);
  await expect(v2).toContainText('Черновик');
  await v2.getByRole('button', { name: 'Изменить' }).click();
  const draft = page.getByRole('form', { name: 'Правка черновика' });
  await draft.getByTestId('offer-line').nth(0).getByLabel('Скидка, %').fill('15');
  await draft.getByRole('button', { name: 'Сохранить' }).click();
  await expect(v2).toContainText('2 640,00');
  await v2.getByRole('button', { name: 'Отправлено клиенту' }).click();
  await v2.getByRole('button', { name: 'Принято' }).click();
  await expect(v2.getByRole('button', { name: 'Принято' })).toHaveCount(0);
  await expect(v2).toContainText('Принято');
  // v1 stays readable as it was.
  await expect(v1).toContainText('2 760,00');
  await noSidewaysScroll(page);
  await offers.screenshot({ path: 'test-results/screens/deal-offers.png' });

  // Invoice the accepted v2.
  const invoices = page.getByTestId('deal-invoices');
  await invoices.getByRole('button', { name: 'Новый счёт' }).click();
  await invoices.getByRole('button', { name: 'Выставить счёт' }).click();
  // The deal may already carry seeded invoices: the app asks before exceeding the deal amount.
  const anyway = invoices.getByRole('button', { name: 'Всё равно выставить' });
  if (await anyway.isVisible({ timeout: 2_000 }).catch(() => false)) await anyway.click();
  const invoice = invoices.locator('[data-testid^="invoice-"]').filter({ hasText: `по КП №${number} v2` });
  await expect(invoice).toContainText('2 640,00');

  // An overpayment is refused; half is taken.
  await invoice.getByRole('button', { name: 'Внести оплату' }).click();
  await invoice.getByLabel('Сумма').fill('3000');
  await invoice.getByRole('button', { name: 'Внести', exact: true }).click();
  await expect(invoice.getByRole('alert')).toContainText('больше долга');
  await invoice.getByLabel('Сумма').fill('1320');
  await invoice.getByRole('button', { name: 'Внести', exact: true }).click();
  await expect(invoice).toContainText('долг 1 320,00');
  await noSidewaysScroll(page);
  await page.getByTestId('deal-invoices').screenshot({ path: 'test-results/screens/deal-invoices.png' });

  // A hand-made invoice above the deal amount needs a confirmation; unpaid, it can be cancelled.
  await invoices.getByRole('button', { name: 'Новый счёт' }).click();
  await invoices.getByLabel('Основание').selectOption('manual');
  await invoices.getByLabel('Сумма с НДС').fill('100');
  await invoices.getByRole('button', { name: 'Выставить счёт' }).click();
  await expect(invoices.getByRole('alert')).toContainText('превысят');
  await invoices.getByRole('button', { name: 'Всё равно выставить' }).click();
  await expect(invoices.getByRole('status')).toContainText('больше суммы сделки');
  const extra = invoices.locator('[data-testid^="invoice-"]').filter({ hasText: '100,00' }).filter({ hasNotText: 'по КП' }).first();
  page.once('dialog', (dialog) => dialog.accept());
  await extra.getByRole('button', { name: 'Отменить счёт' }).click();
  await expect(extra).toContainText('Отменён');

  // The printable offer (RU and EN) and invoice.
  await v2.getByRole('link', { name: 'Печать (RU)' }).click();
  await expect(page.getByTestId('offer-total')).toHaveText(/2\s640,00/);
  // The seller's requisites (the demo organisation's INN and bank).
  await expect(page.getByTestId('offer-sheet')).toContainText('ИНН: 7709123453');
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screens/offer-print-ru.png', fullPage: true });
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByTestId('offer-sheet')).toContainText('Commercial offer No.');
  await page.screenshot({ path: 'test-results/screens/offer-print-en.png', fullPage: true });
  await page.goBack();
  await page.goBack();
  await invoice.getByRole('link').first().click();
  await expect(page.getByTestId('invoice-debt')).toHaveText(/1\s320,00/);
  await noSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screens/invoice-print.png', fullPage: true });

  // The director's receivables now owe exactly the unpaid half more.
  expect(await outstandingDebt(director)).toBe(debtBefore + 132_000);
  await director.close();
});

test('a negative review on a won deal is flagged on the client card', async ({ page, browser }) => {
  await signIn(page, 'manager');
  await page.goto('/deals?status=won');
  await page.getByTestId('deal-card').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/deals\/\d+$/);
  const feedback = page.getByRole('form', { name: 'Отзыв клиента' });
  await feedback.getByLabel('Отрицательный').check();
  await feedback.getByLabel('Что сказал клиент').fill('Поставка задержалась на неделю');
  await feedback.getByRole('button', { name: 'Сохранить отзыв' }).click();
  await expect(feedback.getByRole('status')).toContainText('руководитель');
  await expect(page.locator('#feedback')).toContainText('Поставка задержалась на неделю');
  await noSidewaysScroll(page);
  await page.locator('#feedback').screenshot({ path: 'test-results/screens/deal-feedback.png' });

  // The client card, as the director sees it (the company may belong to another manager).
  const companyHref = await page.locator('a[href^="/companies/"]').first().getAttribute('href');
  const director = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'ru-RU' });
  await signIn(director, 'executive');
  await director.goto(companyHref!);
  await expect(director.getByTestId('negative-feedback-flag')).toBeVisible();
  await expect(director.locator('#client-feedback')).toContainText('Поставка задержалась на неделю');
  await noSidewaysScroll(director);
  await director.close();
});

test('a manager with overdue invoices sees them on the Today screen', async ({ page }) => {
  // In the demo data manager14 has invoices past due with a debt.
  await signInAs(page, 'manager14@voronka.demo', '/today');
  const section = page.getByTestId('today-overdue-invoices');
  await expect(section).toContainText('Просроченные счета');
  await expect(section.getByRole('listitem').first()).toContainText('просрочен на');
  await noSidewaysScroll(page);
  await section.screenshot({ path: 'test-results/screens/today-overdue-invoices.png' });
});
