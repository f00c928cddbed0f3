import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { assertMatchesContract, buildHandlerTable } from './handler-table';
import { createHandlerTable } from './handlers';
import { createDispatcher } from './dispatch';
import { actorSnapshot } from '../context';
import { AppError } from '../errors';
import { Sessions } from '../session/sessions';
import { FileStore } from '../store/file/file-store';
import { tempDir } from '../testing/harness';

describe('handler table', () => {
  it('implements exactly the contract', () => {
    const table = createHandlerTable();
    expect(Object.keys(table).sort()).toEqual([...PROCEDURE_NAMES].sort());
  });

  it('fails when a procedure is missing', () => {
    const { ['devices.publish']: _gone, ...rest } = createHandlerTable();
    expect(() => assertMatchesContract(rest)).toThrow(/Missing: devices.publish/);
  });

  it('fails when a procedure is registered twice', () => {
    const noop = async () => ({}) as never;
    expect(() => buildHandlerTable([{ 'devices.publish': noop }, { 'devices.publish': noop }])).toThrow(/registered twice/);
  });

  it('fails on a procedure that is not in the contract', () => {
    expect(() => assertMatchesContract({ ...createHandlerTable(), 'devices.teleport': async () => ({}) })).toThrow(/Not in contract: devices.teleport/);
  });
});

describe('the dispatcher', () => {
  it('runs a public procedure as an anonymous caller with no role, never as the system', async () => {
    const dir = tempDir();
    const store = await FileStore.open(dir, { log: () => {} });
    const seen: string[] = [];
    const table = createHandlerTable();
    const dispatch = createDispatcher({
      table: {
        ...table,
        'session.profiles': async (input, ctx) => {
          seen.push(ctx.actor.kind);
          // An anonymous caller cannot leave a trail: it has no actor snapshot to write.
          expect(() => actorSnapshot(ctx.actor)).toThrow(AppError);
          return table['session.profiles'](input, ctx);
        },
      },
      store,
      clock: { now: () => new Date() },
      sessions: new Sessions(),
    });
    const result = await dispatch('session.profiles', {}, { locale: 'da' });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['anonymous']);
    await store.close();
  });
});
