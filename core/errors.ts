/** The one error type of the core: a stable code, parameters for the user's message, the cause for logs. */
import type { ErrorCode } from '../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number | undefined> = {},
    logMessage?: string,
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(logMessage ?? code, options);
    this.name = 'AppError';
  }
}

export type Entity = 'device' | 'reservation' | 'user' | 'location' | 'department' | 'sanitization';

export function notFound(entity: Entity, key: string): AppError {
  return new AppError('NOT_FOUND', { entity, key }, `${entity} ${key} not found`);
}
