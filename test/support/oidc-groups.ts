/** Mapping an identity provider's group to a role, over the API as a script would (oidc-sign-in.spec.ts does it on the screen). */
import { expect, request as playwrightRequest } from '@playwright/test';
import { USERS } from '../../core/demo/reference-data';
import { SHARED_DEMO_PASSWORD } from './web-server';

/** The demo's administrator signs in with a password on the shared-mode server at `baseURL` and maps `group` to BUF's contacts. */
export async function mapGroupToBufContacts(baseURL: string, group: string): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const admin = USERS.find((u) => u.id === 'user-admin-1')!; // why: the demo's admin, always there
    const signedIn = await api.post('/api/auth.signIn', { data: { email: admin.email, password: SHARED_DEMO_PASSWORD } });
    expect(signedIn.status()).toBe(200);
    const token = ((await signedIn.json()) as { data: { token: string } }).data.token;
    const saved = await api.post('/api/oidcGroups.save', { data: { group, role: 'department_contact', departmentId: 'dep-buf' }, headers: { authorization: `Bearer ${token}` } });
    expect(saved.status(), await saved.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}
