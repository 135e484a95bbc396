import { Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { HuddlePresenceResponse } from "../../../shared/api/index.js";
import type { ApiClient } from "../api/api-client.js";
import { useMessages } from "../i18n/use-messages.js";

/** Often enough to see people arrive; the list changes when streams open or close, not with the clock. */
const REFRESH_MS = 10_000;

/**
 * The facilitator's "who is here": the people whose verified panel or stage has the huddle open,
 * on any instance, as the server's shared presence says. `version` changes with every huddle
 * state, so the list is read again at once when the huddle moves (a round starts, someone joins).
 */
export function WhoIsHere({ api, meetingId, version }: { api: ApiClient; meetingId: string; version: string | undefined }) {
  const { text, formatMessage } = useMessages();
  const [people, setPeople] = useState<HuddlePresenceResponse["people"]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    const load = () =>
      api.huddlePresence(meetingId).then(
        (answer) => {
          if (!active) return;
          setPeople(answer.people);
          setFailed(false);
        },
        () => active && setFailed(true),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api, meetingId, version]);

  if (failed && people === undefined) return <Text size={200}>{text.huddleWhoIsHereUnavailable}</Text>;
  if (people === undefined) return null;
  const others = people.filter((person) => !person.you).length;
  return (
    <section aria-labelledby="who-is-here-title" data-testid="who-is-here" style={{ display: "grid", gap: 4 }}>
      <Text id="who-is-here-title" weight="semibold">
        {formatMessage("huddleWhoIsHere", { count: String(people.length) })}
      </Text>
      {others === 0 && <Text size={200}>{text.huddleWhoIsHereNobody}</Text>}
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {people.map((person, index) => {
          const name = person.displayName ?? text.huddleWhoIsHereUnnamed;
          return <li key={person.key ?? `${index}-${name}`}>{person.you ? formatMessage("huddleWhoIsHereYou", { name }) : name}</li>;
        })}
      </ul>
    </section>
  );
}
