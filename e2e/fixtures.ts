import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'voronka-demo';

export const DEMO_USERS = {
  manager: { email: 'manager1@voronka.demo', home: '/today' },
  head: { email: 'head1@voronka.demo', home: '/team' },
  executive: { email: 'director@voronka.demo', home: '/analytics' },
  admin: { email: 'admin@voronka.demo', home: '/admin' },
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through the form, as a person would, and waits for the role's home page. */
export async function signIn(page: Page, role: DemoRole) {
  await signInAs(page, DEMO_USERS[role].email, DEMO_USERS[role].home);
}

export async function signInAs(page: Page, email: string, home: string) {
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}
