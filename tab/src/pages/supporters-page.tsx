import { useCallback } from "react";
import { Badge, Card, Link, Spinner, Text, Title2 } from "@fluentui/react-components";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

/** Language tags as words in the reader's language, e.g. "pt-BR" → "Brazilian Portuguese". */
function languageNames(tags: readonly string[], locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale], { type: "language" });
    return tags.map((tag) => names.of(tag) ?? tag).join(", ");
  } catch {
    return tags.join(", ");
  }
}

/**
 * The supporters' directory: those who chose to be listed, with their bio, languages and whether
 * they are on duty. "Ask" opens the bot with that person already chosen in the request form.
 */
export function SupportersPage({ session }: { session: Session }) {
  const { text, formatMessage, errorText } = useMessages();
  const [me] = useLoad(useCallback(() => session.api.me(), [session]));
  const [directory, reload] = useLoad(useCallback(() => session.api.supporterDirectory(), [session]));
  if (directory.status === "loading") return <Spinner label={text.loading} />;
  if (directory.status === "failed") return <ErrorState message={errorText(directory.error)} onRetry={reload} />;
  const botId = me.status === "ready" ? me.data.botId : undefined;
  return (
    <section aria-labelledby="directory-title" style={{ display: "grid", gap: 12 }}>
      <Title2 as="h1" id="directory-title">
        {text.directoryTitle}
      </Title2>
      <Text>{text.directoryIntro}</Text>
      {directory.data.supporters.length === 0 && <Text data-testid="directory-empty">{text.directoryEmpty}</Text>}
      {directory.data.supporters.map((supporter) => {
        const askCommand = `ask ${supporter.displayName}`;
        return (
          <Card key={supporter.userId} role="region" aria-labelledby={`supporter-${supporter.userId}`} data-testid="directory-entry">
            <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
              <Text as="h2" id={`supporter-${supporter.userId}`} weight="semibold" size={400} style={{ margin: 0 }}>
                {supporter.displayName}
              </Text>
              <Badge appearance="tint" color={supporter.onDuty ? "success" : "informative"}>
                {supporter.onDuty ? text.directoryOnDuty : text.directoryOffDuty}
              </Badge>
            </div>
            {supporter.bio && <Text>{supporter.bio}</Text>}
            {supporter.languages.length > 0 && (
              <Text size={200}>
                {formatMessage("directoryLanguages", { languages: languageNames(supporter.languages, session.context.locale) })}
              </Text>
            )}
            {botId ? (
              <Link
                href={`https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId)}&message=${encodeURIComponent(askCommand)}`}
                target="_blank"
              >
                {formatMessage("directoryAsk", { name: supporter.displayName })}
              </Link>
            ) : (
              <Text size={200}>{formatMessage("directoryAskHow", { name: supporter.displayName })}</Text>
            )}
          </Card>
        );
      })}
    </section>
  );
}
