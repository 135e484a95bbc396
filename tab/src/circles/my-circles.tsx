import { Spinner, Text, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { CircleCard } from "./circle-card.js";
import { viewerOf } from "./circle-format.js";
import { Notice } from "./notice.js";

/** The circles I belong to, or a word on how to join one. */
export function MyCircles({ session, myUserId }: { session: Session; myUserId: string }) {
  const { text, formatMessage, errorText } = useMessages();
  const [circles, reload] = useLoad(useCallback(() => session.api.myCircles(), [session]));
  const [left, setLeft] = useState<string>();
  const viewer = viewerOf(session);
  return (
    <section aria-labelledby="my-circles-title" style={{ display: "grid", gap: 12 }}>
      <Title3 as="h2" id="my-circles-title">
        {text.myCirclesTitle}
      </Title3>
      {left && <Notice intent="success" message={formatMessage("circleLeft", { name: left })} />}
      {circles.status === "loading" && <Spinner size="small" label={text.loading} />}
      {circles.status === "failed" && <ErrorState message={errorText(circles.error)} onRetry={reload} />}
      {circles.status === "ready" &&
        (circles.data.circles.length === 0 ? (
          <Text data-testid="my-circles-empty">{text.homeCirclesEmpty}</Text>
        ) : (
          circles.data.circles.map((circle) => (
            <CircleCard
              key={circle.id}
              circle={circle}
              session={session}
              viewer={viewer}
              myUserId={myUserId}
              onLeft={(name) => {
                setLeft(name);
                reload();
              }}
            />
          ))
        ))}
    </section>
  );
}
