import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { assertMatchesContract, buildHandlerTable } from './handler-table';
import { createHandlerTable } from './handlers';

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
