import { preloadStartPage } from '../app/pageModules';
import { fetchMessages, languageHint } from '../i18n/messages';

/**
 * The app window's first module: main.tsx imports it before anything else, and tools/bootChunks.ts
 * gives it a chunk that the entry imports first, so this runs before the rest of the app's code is
 * evaluated (50–100 ms on the build machines). It asks for what the first render waits for (the
 * code of the page the window opens on, and the messages of the language the app last showed) so
 * that they load during that time, not after it (issue 12). main.tsx asks again once the settings
 * are read: the same loads, already on their way or here.
 */
void preloadStartPage(window.location.hash.replace(/^#/, ''));
void fetchMessages(languageHint());
