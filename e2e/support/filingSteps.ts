import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FilingType, FormField } from '../../src/domain/workflow/definition.js';
import { choose } from './browser.js';
import type { Account } from './session.js';
import { newTestPage } from './signedInPage.js';

/** The steps of a filing (备案) taken on its pages, shared by the filing tests. */

/** A small PDF (the document check reads the first bytes), its own for each checklist item, as different documents are. */
const pdf = (item: string): Buffer => Buffer.from(`%PDF-1.4\n% ${item}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

/** A filing type as configured (config/workflows/<file>.json): its form, checklist and criteria drive the steps. */
export function filingType(file: string): FilingType {
  return JSON.parse(readFileSync(new URL(`../../config/workflows/${file}.json`, import.meta.url), 'utf8')) as FilingType;
}

/** Pages of their own browser contexts (one per person), Chinese, closed together at the end. */
export function pageMaker(browser: () => Browser): { newPage: () => Promise<Page>; closeAll: () => Promise<void> } {
  const contexts: BrowserContext[] = [];
  return {
    async newPage() {
      const page = await newTestPage(browser());
      contexts.push(page.context());
      return page;
    },
    async closeAll() {
      for (const c of contexts) await c.close().catch(() => undefined);
    },
  };
}

/** The state tag in the application's header. */
const stateOf = (page: Page, state: string): Locator => page.getByTestId('application-header').locator(`[data-testid="state-tag"][data-state="${state}"]`);

/** Signs in through the login page, as a person would. */
export async function signInOnPage(page: Page, url: string, who: Account): Promise<void> {
  await page.goto(`${url}/login`);
  const form = page.getByTestId('login-form');
  await form.locator('#username').fill(who.username);
  await form.locator('#password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').getByText(who.username).waitFor();
}

/**
 * From the applications list, "new application": type, field of expertise and, for a "four
 * global" confirmation, the institution (typed in to find it). Returns the draft's id.
 */
export async function startApplication(page: Page, choices: { type: string; field: string; institution?: string }): Promise<number> {
  await page.getByTestId('nav-applications').click();
  await page.waitForURL(/\/applications$/);
  await page.getByTestId('new-application').click();
  await choose(page, '#filing_type', choices.type);
  await choose(page, '#field', choices.field);
  if (choices.institution) {
    const search = page.locator('#rd_institution_id');
    await page.locator('.ant-select', { has: search }).click();
    await search.fill(choices.institution);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: choices.institution }).click();
  }
  await page.getByTestId('new-application-submit').click();
  await page.waitForURL(/\/applications\/\d+$/);
  await stateOf(page, 'draft').waitFor();
  return Number(/\/applications\/(\d+)$/.exec(page.url())![1]);
}

/** Fills the generated form's fields, each through the control its type gets (districts and zones come pre-filled). */
export async function fillForm(page: Page, fields: readonly FormField[], values: Record<string, string | number | boolean>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new Error(`the form has no field ${key}`);
    const control = page.locator(`#data_${key}`);
    if (field.type === 'bool') await page.locator('.ant-form-item', { has: control }).getByText(value ? '是' : '否', { exact: true }).click();
    else if (field.type === 'date') {
      await control.click();
      await control.fill(String(value));
      await control.press('Enter');
    } else await control.fill(String(value));
  }
}

/** Picks a document for each checklist item, the next while the last still uploads, then waits until the page lists each. */
export async function uploadDocuments(page: Page, items: readonly string[]): Promise<void> {
  const rows = items.map((item) => page.getByTestId(`checklist-${item}`));
  for (const [i, row] of rows.entries()) await row.locator('input[type=file]').setInputFiles({ name: `${items[i]}.pdf`, mimeType: 'application/pdf', buffer: pdf(items[i]!) });
  for (const row of rows) await row.getByTestId('attachment').waitFor();
}

/** The required checklist items of a type. */
export const requiredDocuments = (type: FilingType): string[] => type.checklist.filter((c) => c.required).map((c) => c.key);

/** Submits once the page offers it (the form is saved first). */
export async function submitApplication(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('action-submit').isEnabled()).toBe(true);
  await page.getByTestId('action-submit').click();
  await stateOf(page, 'submitted').waitFor();
}

/** The officer, on the application's page: takes the formal check, draws the experts (a recorded seed) and passes the check. */
export async function checkAndDraw(page: Page, experts: number): Promise<void> {
  await page.getByTestId('action-start_check').click();
  await stateOf(page, 'formal_check').waitFor();
  // Passing the check needs the experts drawn first.
  expect(await page.getByTestId('action-pass_check').isDisabled()).toBe(true);
  await page.getByTestId('draw-experts').click();
  await expect.poll(() => page.getByTestId('drawn-expert').count()).toBe(experts);
  expect(await page.getByTestId('draw-seed').innerText()).toMatch(/^[0-9a-f]{32}/);
  await page.getByTestId('action-pass_check').click();
  await stateOf(page, 'expert_review').waitFor();
}

/** Opens an application from the caller's inbox (待办), through the menu of the page already open. */
export async function openFromInbox(page: Page, id: number): Promise<void> {
  await page.getByTestId('nav-inbox').click();
  await page.waitForURL(/\/inbox$/);
  await page.getByTestId(`inbox-item-${id}`).getByTestId('inbox-open').click();
  await page.waitForURL(new RegExp(`/applications/${id}$`));
}

/** Opens an application from the applications list (备案申请), through the menu of the page already open. */
export async function openFromList(page: Page, id: number): Promise<void> {
  await page.getByTestId('nav-applications').click();
  await page.waitForURL(/\/applications$/);
  await page.getByTestId('application-list').locator('tr', { has: page.getByText(`#${id}`, { exact: true }) }).click();
  await page.waitForURL(new RegExp(`/applications/${id}$`));
}

/** A drawn expert scores the open application: every criterion and a comment. */
export async function scoreOnPage(page: Page, scores: Readonly<Record<string, number>>, comment: string): Promise<void> {
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  const form = page.getByTestId('score-form');
  for (const [criterion, score] of Object.entries(scores)) await form.locator(`#scores_${criterion}`).fill(String(score));
  await form.locator('#comment').fill(comment);
  expect(await page.getByTestId('score-total').innerText()).toContain(String(total));
  await page.getByTestId('score-submit').click();
  await page.getByTestId('score-card').getByText(`已提交，总分 ${total}`).waitFor();
}

/** The officer opens the public notice once every drawn expert has scored and the review passed. */
export async function openNotice(page: Page, experts: number): Promise<void> {
  await expect.poll(() => page.getByTestId('reviews-table').locator('tbody tr.ant-table-row').count()).toBe(experts);
  await page.getByTestId('review-outcome').getByText('评审通过').waitFor();
  await page.getByTestId('action-open_notice').click();
  await stateOf(page, 'public_notice').waitFor();
}

/** The officer files the open application once the notice is over (the page holds filing back till then). */
export async function fileApplication(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('action-file').isEnabled()).toBe(true);
  await page.getByTestId('action-file').click();
  await stateOf(page, 'filed').waitFor();
}

/** A KPI's figure on the dashboard for a year (the digits of the formatted value). */
export async function kpiFigure(page: Page, url: string, code: string, year: string): Promise<number> {
  if (!page.url().endsWith(`/dashboard?period=${year}`)) await page.goto(`${url}/dashboard?period=${year}`);
  const value = page.getByTestId(`kpi-${code}`).getByTestId('kpi-value');
  await expect.poll(async () => /\d/.test(await value.innerText())).toBe(true);
  return Number((await value.innerText()).replace(/\D/g, ''));
}
