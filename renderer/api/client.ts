/** A typed client over any transport. Types come from the contract in shared/, never a second copy. */
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import type { ApiErrorBody } from '../../shared/errors';
import type { Locale } from '../messages';
import type { FileProgress, SavedFile, Transport } from './transport';

/** A refused or failed call, with the server's message (already in the person's language). */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.body.code;
  }
  get fields() {
    return this.body.fields ?? {};
  }
}

export interface ApiClient {
  call<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>>;
  /** A file procedure's file, saved where the person says (Transport.saveFile). @throws ApiError */
  saveFile<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>, onProgress: (p: FileProgress) => void): Promise<SavedFile>;
  /** One stored photo image of a device (Transport.photo). @throws ApiError */
  photo(deviceId: string, sha256: string): Promise<Blob>;
  setToken(token: string | undefined): void;
  setLocale(locale: Locale): void;
  readonly transport: Transport;
}

export function createApiClient(transport: Transport, locale: Locale = 'da'): ApiClient {
  let token: string | undefined;
  let currentLocale = locale;
  return {
    transport,
    setToken(t) {
      token = t;
    },
    setLocale(l) {
      currentLocale = l;
    },
    async call(procedure, input) {
      const result = await transport.call(procedure, input, { token, locale: currentLocale });
      if (!result.ok) throw new ApiError(result.error);
      return result.data as ProcedureOutput<typeof procedure>; // why: the core validated it against the contract's output schema
    },
    async photo(deviceId, sha256) {
      const result = await transport.photo(deviceId, sha256, { token, locale: currentLocale });
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
    async saveFile(procedure, input, onProgress) {
      const result = await transport.saveFile(procedure, input, { token, locale: currentLocale }, onProgress);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
  };
}
