/** The sign-in group table at sign-in: an organisation never loses its last active administrator to it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveUser, setUserActive } from '../admin/reference';
import { harness, type Harness } from '../testing/harness';
import { Sessions } from '../session/sessions';
import { saveOidcGroup } from './oidc-groups';
import { signInWithIdentity } from './oidc';

const ADMIN = 'user-admin-1';

describe('signing in through the identity provider with a group that maps to a lesser role', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    const admin = await h.as(ADMIN);
    await saveOidcGroup(admin, { group: 'KK-Alle', role: 'department_contact', departmentId: 'dep-buf' });
  });
  afterEach(async () => h.close());

  const signInAs = async (userId: string) => {
    const user = (await h.store.getUser(userId))!; // why: a demo person the test names
    const ctx = { store: h.store, clock: h.clock, actor: { kind: 'anonymous' as const }, sessions: new Sessions({ clock: h.clock }), address: '10.0.0.1' };
    return signInWithIdentity(ctx, { email: user.email.toUpperCase(), name: user.name, groups: ['KK-Alle'] });
  };

  it('keeps the last active administrator an administrator (the rest of the mapping applies), as users.save refuses with LAST_ADMIN', async () => {
    const { user, token } = await signInAs(ADMIN);
    expect(token).toBeTruthy();
    expect(user.role).toBe('admin');
    expect(user.departmentId).toBe('dep-buf');
    const stored = await h.store.getUser(ADMIN);
    expect(stored?.role).toBe('admin');
    expect(stored?.departmentId).toBe('dep-buf');
  });

  it('does not count a deactivated administrator as another one', async () => {
    const admin = await h.as(ADMIN);
    const other = await saveUser(admin, { name: 'Lene Vang', email: 'lene.vang@kk.dk', role: 'admin', departmentId: 'dep-okf' });
    await setUserActive(admin, { id: other.id, active: false });
    expect((await signInAs(ADMIN)).user.role).toBe('admin');
  });

  it('demotes an administrator as the table says while another active one remains', async () => {
    const admin = await h.as(ADMIN);
    await saveUser(admin, { name: 'Lene Vang', email: 'lene.vang@kk.dk', role: 'admin', departmentId: 'dep-okf' });
    const { user } = await signInAs(ADMIN);
    expect(user.role).toBe('department_contact');
    expect((await h.store.getUser(ADMIN))?.role).toBe('department_contact');
  });
});
