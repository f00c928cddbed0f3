/** The device journey in Chromium over the HTTP transport (see journeys/device-journey.ts). */
import type { ApiResult } from '../../shared/errors';
import { test } from './fixtures';
import { deviceJourney } from './journeys/device-journey';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

test('a BUF laptop is reported, sanitized, listed, reserved by SUF and handed over to SUF', async ({ page }) => {
  await deviceJourney(page, {
    start: () => new ProfilePickerPage(page).goto(),
    async callApi(userId, procedure, input) {
      const signIn = (await (await page.request.post('/api/session.signIn', { data: { userId } })).json()) as { data: { token: string } };
      const res = await page.request.post(`/api/${procedure}`, {
        data: input,
        headers: { authorization: `Bearer ${signIn.data.token}`, 'accept-language': 'da' },
      });
      return { status: res.status(), body: (await res.json()) as ApiResult<unknown> };
    },
  });
});
