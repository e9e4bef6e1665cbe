import { expect, type Page } from '@playwright/test';

/** Opens Settings (Alt+8) at one section, by its name in the page's own navigation. */
export async function openSettings(page: Page, section: string): Promise<void> {
  await page.keyboard.press('Alt+8');
  const nav = page.getByRole('navigation', { name: 'Разделы настроек' });
  await nav.getByRole('button', { name: section, exact: true }).click();
  await expect(nav.getByRole('button', { name: section, exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
}
