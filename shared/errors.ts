/** Error codes and the error shape that crosses every transport. Plain data only. */
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION',
  'BAD_JSON',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_PROCEDURE',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNTRUSTED_SENDER',
  'NOT_FOUND',
  'ASSET_TAG_TAKEN',
  'TRANSITION_NOT_ALLOWED',
  'ROLE_NOT_ALLOWED',
  'SANITIZATION_REQUIRED',
  'SANITIZATION_NOT_VERIFIED',
  'CONDITION_REQUIRED',
  'NOT_OWN_DEPARTMENT',
  'DATA_BEARING_OVERRIDE',
  'RESERVED_BY_OTHER',
  'NOT_A_WAREHOUSE_LOCATION',
  'NOT_A_RECEIVING_SITE',
  'ALREADY_AT_LOCATION',
  'TAG_NOT_ISSUED',
  'CVR_INVALID',
  'TAG_NOT_LINKED',
  'STORE_LOCKED',
  'SERVER_UNREACHABLE',
  'ASSET_TAG_MALFORMED',
  'LABEL_START_OUT_OF_RANGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Per-field messages, keyed by the field's path joined with "." (e.g. "specs.ramGb"). */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** HTTP status for each code (the IPC transport carries the same body without a status). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_JSON: 400,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_PROCEDURE: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNTRUSTED_SENDER: 403,
  NOT_FOUND: 404,
  ASSET_TAG_TAKEN: 409,
  TRANSITION_NOT_ALLOWED: 409,
  ROLE_NOT_ALLOWED: 403,
  SANITIZATION_REQUIRED: 409,
  SANITIZATION_NOT_VERIFIED: 409,
  CONDITION_REQUIRED: 409,
  NOT_OWN_DEPARTMENT: 403,
  DATA_BEARING_OVERRIDE: 403,
  RESERVED_BY_OTHER: 409,
  NOT_A_WAREHOUSE_LOCATION: 400,
  NOT_A_RECEIVING_SITE: 400,
  ALREADY_AT_LOCATION: 409,
  TAG_NOT_ISSUED: 404,
  CVR_INVALID: 400,
  TAG_NOT_LINKED: 409,
  STORE_LOCKED: 423,
  SERVER_UNREACHABLE: 503,
  ASSET_TAG_MALFORMED: 400,
  LABEL_START_OUT_OF_RANGE: 400,
  INTERNAL: 500,
};
