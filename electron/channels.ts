/** The IPC channel names, shared by main (ipc.ts) and the preload. No imports: the preload bundles this. */
export const INVOKE_CHANNEL = 'kredslob:invoke';
export const EVENT_CHANNEL = 'kredslob:event';
/** A file procedure's file, saved where the person picks in a save dialog (save-file.ts); progress comes on EVENT_CHANNEL. */
export const SAVE_FILE_CHANNEL = 'kredslob:save-file';
/** "Forbind til server": connect to a server or go back to the local database (connection.ts). */
export const CONNECTION_CHANNEL = 'kredslob:connection';
/** "Log ind med kommunens login" while connected to a server: the browser flow of provider-sign-in.ts. */
export const PROVIDER_SIGN_IN_CHANNEL = 'kredslob:provider-sign-in';
/** The renderer argument (webPreferences.additionalArguments) that names the server a connected desktop talks to. */
export const SERVER_ARGUMENT_PREFIX = '--kredslob-server=';
