import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { messagesFor, type Messages } from "./messages.js";

const MessagesContext = createContext<Messages>(messagesFor(undefined));

/**
 * Gives every component below it the catalogue for the viewer's locale: the Teams context's
 * `app.locale` once the session has started, the browser's language before that (and outside
 * Teams), English for any language the tab has no catalogue for. Also tells the page its language.
 */
export function MessagesProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  const messages = useMemo(() => messagesFor(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = messages.language;
  }, [messages.language]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The tab's text in the viewer's language: `text.someKey`, `formatMessage(key, values)`, `labelFor(group, value)`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
