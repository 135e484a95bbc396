import { MessageBar, MessageBarBody, Spinner, Text, Title2 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { RequestSummaryView as RequestSummary } from "../../../shared/requests/request-views.js";
import { ErrorState } from "../components/error-state.js";
import { ShowMore } from "../components/show-more.js";
import { useMessages } from "../i18n/use-messages.js";
import { MyRequestList } from "../requests/my-request-list.js";
import { RequestTimeline } from "../requests/request-timeline.js";
import { TalkToSomeone } from "../requests/talk-to-someone.js";
import { WithdrawConfirm, type WithdrawOutcome } from "../requests/withdraw-confirm.js";
import type { Session } from "../session.js";
import { usePagedList } from "../use-paged-list.js";

/** A member's own requests: "Talk to someone", status, what happened when, and withdraw. */
export function MyRequestsPage({ session }: { session: Session }) {
  const { text, formatMessage, errorText } = useMessages();
  const [list, reload, more] = usePagedList(useCallback((continuation?: string) => session.api.myRequests(continuation), [session]));
  const [openCode, setOpenCode] = useState<string>();
  const [withdrawing, setWithdrawing] = useState<RequestSummary>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ intent: "success" | "warning" | "error"; message: string }>();

  if (list.status === "loading") return <Spinner label={text.loading} />;
  if (list.status === "failed") return <ErrorState message={errorText(list.error)} onRetry={reload} />;
  const requests = list.data.requests;
  const changed = () => {
    reload();
    setVersion((count) => count + 1);
  };
  const withdrawn = (code: string, outcome: WithdrawOutcome) => {
    setWithdrawing(undefined);
    if (outcome === "withdrawn") setNotice({ intent: "success", message: formatMessage("withdrawDone", { code }) });
    else if (outcome === "conflict") setNotice({ intent: "warning", message: formatMessage("withdrawConflict", { code }) });
    else setNotice({ intent: "error", message: formatMessage("withdrawFailed", { code }) });
    changed();
  };
  return (
    <section aria-labelledby="my-requests-title" style={{ display: "grid", gap: 12, minWidth: 0 }}>
      <Title2 as="h1" id="my-requests-title">
        {text.myRequestsTitle}
      </Title2>
      <div>
        <TalkToSomeone session={session} onCreated={changed} />
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="my-requests-notice">
          <MessageBarBody>{notice.message}</MessageBarBody>
        </MessageBar>
      )}
      {withdrawing && (
        <WithdrawConfirm
          key={withdrawing.referenceCode}
          request={withdrawing}
          session={session}
          onDone={(outcome) => withdrawn(withdrawing.referenceCode, outcome)}
          onCancel={() => setWithdrawing(undefined)}
        />
      )}
      {requests.length === 0 ? (
        <Text data-testid="my-requests-empty">{text.myRequestsEmpty}</Text>
      ) : (
        <MyRequestList
          requests={requests}
          locale={session.context.locale}
          timeZone={session.context.timeZone}
          onOpen={(request) => setOpenCode(request.referenceCode)}
          onWithdraw={setWithdrawing}
        />
      )}
      <ShowMore more={more} />
      {openCode && <RequestTimeline code={openCode} session={session} version={version} />}
    </section>
  );
}
