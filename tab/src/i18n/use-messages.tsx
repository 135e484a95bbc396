import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  CATALOGUE_LOADERS,
  languageOf,
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
 * arrives as its own chunk; until it has, the shell reads English rather than waiting. Also tells
 * the page its language.
 */
export function MessagesProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  const wanted = languageOf(locale);
  const [loaded, setLoaded] = useState<Partial<Record<TabLanguage, TabCatalogue>>>({ en: TAB_MESSAGES_EN });
  useEffect(() => {
    if (wanted === "en") return;
    let current = true;
    // If the chunk cannot load (the server is gone), the page stays in English.
    CATALOGUE_LOADERS[wanted]().then(
      (catalogue) => current && setLoaded((catalogues) => ({ ...catalogues, [wanted]: catalogue })),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
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
