import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  languageOf,
  loadCatalogue,
  loadedCatalogue,
  messagesFor,
  TAB_MESSAGES_EN,
  type Messages,
  type TabCatalogue,
  type TabLanguage,
} from "./messages.js";

const MessagesContext = createContext<Messages>(messagesFor("en", TAB_MESSAGES_EN));

/**
 * Gives every component below it the catalogue for the viewer's locale: the Teams context's
 * `app.locale` once the session has started, the browser's language before that (and outside
 * Teams), English for any language the tab has no catalogue for. A catalogue other than English
 * is its own chunk; the start-up loads it before it is needed (see boot.ts), and should it still
 * be on its way, or fail to load, the page reads English rather than nothing. Also tells the page
 * its language.
 */
export function MessagesProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  const wanted = languageOf(locale);
  const [loaded, setLoaded] = useState<Partial<Record<TabLanguage, TabCatalogue>>>(() => ({
    en: TAB_MESSAGES_EN,
    ...(loadedCatalogue(wanted) ? { [wanted]: loadedCatalogue(wanted) } : {}),
  }));
  useEffect(() => {
    if (loaded[wanted]) return;
    let current = true;
    loadCatalogue(wanted).then(
      (catalogue) => current && setLoaded((catalogues) => ({ ...catalogues, [wanted]: catalogue })),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, loaded]);
  const shown = loaded[wanted] ? wanted : "en";
  const messages = useMemo(() => messagesFor(shown, loaded[shown] ?? TAB_MESSAGES_EN), [shown, loaded]);
  useEffect(() => {
    document.documentElement.lang = messages.language;
  }, [messages.language]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The tab's text in the viewer's language: `text.someKey`, `formatMessage(key, values)`, `labelFor(group, value)`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
