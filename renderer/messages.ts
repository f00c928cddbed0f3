/**
 * The renderer's one door to the shared error-message catalogue: locales and the zod field messages the
 * server uses too. Every renderer module imports these from here, so moving the catalogue is a one-line change.
 */
export { LOCALES, errorBody, issueFields, type Locale } from '../shared/messages';
