/** The one way a service runs a lifecycle action: ask the table, refuse with its code, or go on. */
import { decide, type Action, type GuardFacts } from '../../shared/lifecycle';
import type { Device, DeviceStatus } from '../../shared/schemas';
import { actorDepartmentId, actorRole, type ServiceContext } from '../context';
import { AppError } from '../errors';
import type { StoreReads } from '../store/store';

/**
 * Decides `action` for `device` with the facts from the store, and returns the state to move to.
 * @throws AppError with the refusal code of the lifecycle table (TRANSITION_NOT_ALLOWED, SANITIZATION_REQUIRED, …)
 */
export async function requireStep(
  ctx: ServiceContext,
  reads: StoreReads,
  device: Device,
  action: Action,
  extra: Partial<GuardFacts> = {},
): Promise<DeviceStatus> {
  const sanitization = device.sanitizationId ? await reads.getSanitization(device.sanitizationId) : undefined;
  const decision = decide(action, {
    device,
    sanitization,
    actorRole: actorRole(ctx.actor),
    actorDepartmentId: actorDepartmentId(ctx.actor),
    ...extra,
  });
  if (!decision.ok) {
    throw new AppError(
      decision.code,
      { action, status: device.status, assetTag: device.assetTag },
      `${action} refused for ${device.assetTag} in ${device.status}: ${decision.code}`,
    );
  }
  return decision.to;
}
