/** The tools playground as a person uses it: pick get_weather, type a place, run it. */
import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from './app';
import type { E2eContext } from './e2e-context';

/** Runs get_weather for `place` from the weather server's playground, waits for its result, and returns the tool's panel. */
export async function runGetWeatherInPlayground(page: Page, host: E2eContext, place: string): Promise<Locator> {
  await openApp(page, host, '#/servers/weather/tools');
  const tools = page.getByTestId('tools-tab');
  await tools.locator('[data-testid="tool-list-item"][data-tool="get_weather"]').click();
  const panel = tools.locator('[data-testid="tool-panel"][data-tool="get_weather"]');
  await panel.getByLabel('location', { exact: true }).fill(place);
  await panel.getByTestId('run-tool').click();
  await expect(panel.getByTestId('tool-result')).toHaveAttribute('data-outcome', 'ok');
  return panel;
}
