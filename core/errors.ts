/** The one error type of the core: a stable code, parameters for the user's message, the cause for logs. */
import type { ErrorCode } from '../shared/errors';
import type { FieldKey } from '../shared/messages';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number | undefined> = {},
    logMessage?: string,
    /** Per-field messages by field path, each a catalogue key ('field.<key>') the transport puts in words. */
    readonly fields?: Record<string, FieldKey>,
    options?: { cause?: unknown },
  ) {
    super(logMessage ?? code, options);
    this.name = 'AppError';
  }
}

export type Entity = 'device' | 'reservation' | 'user' | 'location' | 'department' | 'sanitization' | 'recycler' | 'batch' | 'factorVersion' | 'unit' | 'photo' | 'wantedRequest' | 'oidcGroup';

export function notFound(entity: Entity, key: string): AppError {
  return new AppError('NOT_FOUND', { entity, key }, `${entity} ${key} not found`);
}
