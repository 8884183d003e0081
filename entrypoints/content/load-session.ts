import { bundleLoader } from './load-bundle';
import { SESSION_FILE, SESSION_GLOBAL, type SessionBundle } from './session-api';

/** The rest of Gloss, loaded the first time Gloss is on for this page. */
export const loadSessionBundle = bundleLoader<SessionBundle>(SESSION_FILE, SESSION_GLOBAL);
