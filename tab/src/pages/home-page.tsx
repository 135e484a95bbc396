import { Badge, Link, Spinner, Text, Title2 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { MeResponse as Me } from "../../../shared/api/index.js";
import { MyBuddy } from "../buddies/my-buddy.js";
import { MyCircles } from "../circles/my-circles.js";
import { OpenRounds } from "../circles/open-rounds.js";
import { ErrorState } from "../components/error-state.js";
import { TalkToSomeone } from "../requests/talk-to-someone.js";
import { type TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";

const ROLE_LABELS: Record<string, TabMessageKey> = {
  member: "roleMember",
  facilitator: "roleFacilitator",
  supporter: "roleSupporter",
  admin: "roleAdmin",
};

type Load = { status: "loading" } | { status: "ready"; me: Me; at: Date } | { status: "failed"; signedOut: boolean };

export function HomePage({ session }: { session: Session }) {
  const { text, formatMessage } = useMessages();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    session.api.me().then(
      (me) => !cancelled && setLoad({ status: "ready", me, at: new Date() }),
      (error: unknown) => !cancelled && setLoad({ status: "failed", signedOut: (error as { status?: number }).status === 401 }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, attempt]);

  if (load.status === "loading") return <Spinner label={text.loading} />;
  if (load.status === "failed")
    return <ErrorState message={load.signedOut ? text.errorSignIn : text.errorNetwork} onRetry={() => setAttempt((count) => count + 1)} />;
  const { me } = load;
  const updated = new Intl.DateTimeFormat(session.context.locale, { timeStyle: "short", timeZone: session.context.timeZone }).format(
    load.at,
  );
  return (
    <section aria-labelledby="home-title" style={{ display: "grid", gap: 12 }}>
      <Title2 as="h1" id="home-title">
        {text.homeTitle}
      </Title2>
      <div>
        <TalkToSomeone session={session} />
      </div>
      <Text data-testid="signed-in-user">{formatMessage("signedInAs", { name: me.displayName ?? me.userId })}</Text>
      <div role="list" aria-label={text.yourRoles} style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {me.roles.map((role) => (
          <Badge role="listitem" key={role} appearance="tint" data-role={role}>
            {text[ROLE_LABELS[role] ?? "roleMember"]}
          </Badge>
        ))}
      </div>
      <MyCircles session={session} myUserId={me.userId} />
      <OpenRounds session={session} />
      <MyBuddy session={session} />
      <Text size={200}>{formatMessage("lastUpdated", { time: updated })}</Text>
      <Link href="/personal/my-data" data-testid="my-data-link">
        {text.myDataLink}
      </Link>
    </section>
  );
}
