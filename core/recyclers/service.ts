/** The recycler register of the joint e-waste agreement (admins keep it; the warehouse picks from it). */
import { randomUUID } from 'node:crypto';
import { isValidCvr } from '../../shared/categories';
import type { ProcedureArgs } from '../../shared/contract';
import type { Recycler } from '../../shared/schemas';
import { nowIso, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { recordAdminChange } from '../admin/audit';

/** Every recycler, by legal name. */
export async function listRecyclers(ctx: ServiceContext): Promise<{ items: Recycler[] }> {
  const items = await ctx.store.listRecyclers();
  return { items: items.sort((a, b) => a.legalName.localeCompare(b.legalName, 'da')) };
}

/**
 * Add a recycler (no id) or change one (its id). Certifications are kept soonest-expiring first.
 * @throws CVR_INVALID, NOT_FOUND (an id that is not in the register)
 */
export async function saveRecycler(ctx: ServiceContext, input: ProcedureArgs<'recyclers.save'>): Promise<Recycler> {
  if (!isValidCvr(input.cvr)) throw new AppError('CVR_INVALID', { cvr: input.cvr }, undefined, { cvr: 'cvr_invalid' });
  return ctx.store.transaction(async (tx) => {
    const before = input.id ? await tx.getRecycler(input.id) : undefined;
    if (input.id && !before) throw notFound('recycler', input.id);
    const recycler: Recycler = {
      ...input,
      id: input.id ?? randomUUID(),
      certifications: [...input.certifications].sort((a, b) => a.validUntil.localeCompare(b.validUntil)),
      updatedAt: nowIso(ctx.clock),
    };
    tx.putRecycler(recycler);
    recordAdminChange(tx, ctx, {
      subject: 'recycler',
      subjectId: recycler.id,
      subjectName: recycler.legalName,
      action: before ? 'changed' : 'created',
      before,
      after: recycler,
      skip: ['id', 'updatedAt'],
    });
    return recycler;
  });
}
