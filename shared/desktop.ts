/** What the desktop shell and the renderer say to each other besides procedure calls (issue 13). No imports. */

/** Main pushes this event (no payload) when the person picks "Forbind til server…" in the desktop menu. */
export const OPEN_CONNECTION_EVENT = 'desktop.openConnection';

/** The address field's name in a refused connection (ApiErrorBody.fields). */
export const SERVER_URL_FIELD = 'serverUrl';
