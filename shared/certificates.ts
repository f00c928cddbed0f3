/** Which of a batch's recycler certificates covered a device: the one whose reconciliation matched its serial. */
import type { Batch, Certificate } from './schemas';

export function certificateOf(batch: Batch | undefined, deviceId: string): Certificate | undefined {
  return batch?.certificates.find((c) => c.matched.some((m) => m.deviceId === deviceId));
}
