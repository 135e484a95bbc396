import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";
import type { MorePages } from "../use-paged-list.js";

/** The next page of a list the server sends in pages; nothing at all once the list is complete. */
export function ShowMore({ more }: { more: MorePages }) {
  const { text } = useMessages();
  if (!more.showMore && !more.moreFailed) return null;
  return (
    <div style={{ display: "grid", gap: 8, justifyItems: "start" }}>
      {more.moreFailed && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{text.listMoreFailed}</MessageBarBody>
        </MessageBar>
      )}
      {more.showMore && (
        <Button data-testid="show-more" disabled={more.loadingMore} onClick={more.showMore}>
          {text.listShowMore}
        </Button>
      )}
    </div>
  );
}
