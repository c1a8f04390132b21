import { preloadPrintModule } from '../app/printModules';
import { fetchMessages, languageHint } from '../i18n/messages';

/**
 * A print window's first module, as boot/app.ts is the app window's (see there): print.tsx imports
 * it before anything else, and it asks for the print view's code and the language's messages while
 * the rest of the print entry is evaluated (issue 12).
 */
void preloadPrintModule(window.location.hash.replace(/^#/, ''));
void fetchMessages(languageHint());
