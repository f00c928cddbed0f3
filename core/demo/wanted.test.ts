import { describe, expect, it } from 'vitest';
import { run, useHarness } from '../testing/harness';
import { seedWantedDemo } from './wanted';

describe('demo wanted requests', () => {
  const h = useHarness();

  it('gives "Efterlysninger" two open requests of two administrations, which an admin sees and each contact sees their own of', async () => {
    await seedWantedDemo(h.store, h.clock.now());
    const all = await run(await h.as('user-admin-1'), 'wanted.list', {});
    expect(all.items.map((i) => [i.request.departmentId, i.state]).sort()).toEqual([
      ['dep-buf', 'open'],
      ['dep-kff', 'open'],
    ]);
    expect((await run(await h.as('user-buf-1'), 'wanted.list', {})).items).toHaveLength(1);
  });
});
