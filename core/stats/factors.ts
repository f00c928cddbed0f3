/**
 * The emission-factor table, versioned. Version 1 is the default derived from Boavizta
 * (shared/emission-factors.ts) and is not stored: a store with no versions reads as version 1 without writing.
 * Each admin edit stores the next number; versions are never changed or deleted, so every CO2e figure can name
 * the version it used and be recomputed from it.
 */
import { DEFAULT_EMISSION_FACTORS, DEFAULT_FACTOR_SOURCE } from '../../shared/emission-factors';
import type { FactorVersionView, ProcedureArgs } from '../../shared/contract';
import type { FactorVersion } from '../../shared/schemas';
import { actorSnapshot, nowIso, type ServiceContext } from '../context';
import { notFound } from '../errors';
import type { StoreReads } from '../store/store';
import { recordAdminChange } from '../admin/audit';

export type { FactorVersion };

/** Version 1: the default table. Its date is the Boavizta commit it was derived from, so it is in force before any edit. */
export const DEFAULT_FACTOR_VERSION: FactorVersion = {
  number: 1,
  factors: DEFAULT_EMISSION_FACTORS,
  source: DEFAULT_FACTOR_SOURCE,
  createdAt: '2023-02-23T00:00:00.000Z',
  createdBy: { id: 'system', name: 'Kredsløb', role: 'system' },
};

/** Every version, oldest first, version 1 included. */
async function allVersions(reads: StoreReads): Promise<FactorVersion[]> {
  const stored = await reads.listFactorVersions();
  return [DEFAULT_FACTOR_VERSION, ...stored.filter((v) => v.number > 1)];
}

/** The version in force now: the newest. */
export async function currentFactorVersion(reads: StoreReads): Promise<FactorVersion> {
  const all = await allVersions(reads);
  return all[all.length - 1]!;
}

/**
 * The version in force at an instant (ISO date-time): the newest created at or before it, else version 1.
 * Instants are compared as moments, so an offset other than Z is read right.
 */
export async function factorVersionAt(reads: StoreReads, at: string): Promise<FactorVersion> {
  const t = Date.parse(at);
  let inForce = DEFAULT_FACTOR_VERSION;
  for (const v of await allVersions(reads)) if (Date.parse(v.createdAt) <= t) inForce = v;
  return inForce;
}

/** A version by number (the current one when none is given) and the list to pick from. @throws NOT_FOUND */
export async function getFactors(ctx: ServiceContext, input: ProcedureArgs<'stats.factors.get'>): Promise<FactorVersionView> {
  const all = await allVersions(ctx.store);
  const current = all[all.length - 1]!;
  const version = input.version === undefined ? current : all.find((v) => v.number === input.version);
  if (!version) throw notFound('factorVersion', String(input.version));
  return {
    version,
    current: current.number,
    versions: all.map(({ number, createdAt, createdBy }) => ({ number, createdAt, createdBy })),
  };
}

/** Saves an edited table as the next version, by the acting admin, now. */
export async function saveFactors(ctx: ServiceContext, input: ProcedureArgs<'stats.factors.save'>): Promise<FactorVersion> {
  const createdBy = actorSnapshot(ctx.actor);
  return ctx.store.transaction(async (tx) => {
    const previous = await currentFactorVersion(tx);
    const version: FactorVersion = { number: previous.number + 1, factors: input.factors, source: input.source, createdAt: nowIso(ctx.clock), createdBy };
    tx.putFactorVersion(version);
    recordAdminChange(tx, ctx, {
      subject: 'factors',
      subjectId: String(version.number),
      subjectName: `v${version.number}`,
      action: 'created',
      before: { ...previous.factors, source: previous.source },
      after: { ...version.factors, source: version.source },
    });
    return version;
  });
}
