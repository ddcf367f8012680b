/**
 * The languages the engine serves, in the order they claim a file; a registry gets one module system of
 * each (registry/project-resolver.ts), and a file no language claims is read as the first one's.
 */
import type { Language } from './language';
import { javascript } from './javascript';
import { python } from './python';

export const LANGUAGES: readonly Language[] = [javascript, python];
