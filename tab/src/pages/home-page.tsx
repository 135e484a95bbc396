import { Spinner, Title2 } from "@fluentui/react-components";
import { useCallback } from "react";
import { MyBuddy } from "../buddies/my-buddy.js";
import { MyCircles } from "../circles/my-circles.js";
import { OpenRounds } from "../circles/open-rounds.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import { HomeTools } from "../navigation/home-tools.js";
import { TalkToSomeone } from "../requests/talk-to-someone.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

/** The first word of a display name, for a greeting; the whole name when it has none. */
function firstName(displayName: string | undefined): string {
  return displayName?.trim().split(/\s+/)[0] ?? "";
}

/** The dashboard: one primary action, the way to every page that is not a tab, my circles, open sign-ups and my buddy. */
export function HomePage({ session }: { session: Session }) {
  const { text, formatMessage, errorText } = useMessages();
  const [me, retry] = useLoad(useCallback(() => session.api.me(), [session]));

  if (me.status === "loading") return <Spinner label={text.loading} />;
  if (me.status === "failed") return <ErrorState message={errorText(me.error)} onRetry={retry} />;
  const name = firstName(me.data.displayName);
  return (
    <section aria-labelledby="home-title" style={{ display: "grid", gap: 16, minWidth: 0 }}>
      <Title2 as="h1" id="home-title" data-testid="home-greeting">
        {name ? formatMessage("homeGreeting", { name }) : text.homeTitle}
      </Title2>
      <div>
        <TalkToSomeone session={session} />
      </div>
      <HomeTools roles={me.data.roles} />
      <MyCircles session={session} myUserId={me.data.userId} />
      <OpenRounds session={session} />
      <MyBuddy session={session} />
    </section>
  );
}
