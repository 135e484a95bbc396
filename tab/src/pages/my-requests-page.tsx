import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { RequestSummaryView as RequestSummary } from "../../../shared/requests/request-views.js";
import { ErrorState } from "../components/error-state.js";
import { ShowMore } from "../components/show-more.js";
import { useMessages } from "../i18n/use-messages.js";
import { RequestTimeline } from "../requests/request-timeline.js";
import { TalkToSomeone } from "../requests/talk-to-someone.js";
import { WithdrawConfirm, type WithdrawOutcome } from "../requests/withdraw-confirm.js";
import type { Session } from "../session.js";
import { dateTime } from "../time-format.js";
import { usePagedList } from "../use-paged-list.js";

const WITHDRAWABLE = new Set(["open", "claimed", "in_conversation"]);

/** A member's own requests: "Talk to someone", status, what happened when, and withdraw. */
export function MyRequestsPage({ session }: { session: Session }) {
  const { text, formatMessage } = useMessages();
  const [list, reload, more] = usePagedList(useCallback((continuation?: string) => session.api.myRequests(continuation), [session]));
  const [openCode, setOpenCode] = useState<string>();
  const [withdrawing, setWithdrawing] = useState<RequestSummary>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ intent: "success" | "warning" | "error"; message: string }>();

  if (list.status === "loading") return <Spinner label={text.loading} />;
  if (list.status === "failed") return <ErrorState message={text.errorNetwork} onRetry={reload} />;
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
      <Title2 id="my-requests-title">{text.myRequestsTitle}</Title2>
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
        <div style={{ overflowX: "auto" }}>
          <Table aria-labelledby="my-requests-title" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.columnReference}</TableHeaderCell>
                <TableHeaderCell>{text.columnCategory}</TableHeaderCell>
                <TableHeaderCell>{text.columnStatus}</TableHeaderCell>
                <TableHeaderCell>{text.columnWaiting}</TableHeaderCell>
                <TableHeaderCell>{text.columnActions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((request) => (
                <RequestRow
                  key={request.referenceCode}
                  request={request}
                  session={session}
                  onWithdraw={() => setWithdrawing(request)}
                  onOpen={() => setOpenCode(request.referenceCode)}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ShowMore more={more} />
      {openCode && <RequestTimeline code={openCode} session={session} version={version} />}
    </section>
  );
}

function RequestRow({
  request,
  session,
  onWithdraw,
  onOpen,
}: {
  request: RequestSummary;
  session: Session;
  onWithdraw: () => void;
  onOpen: () => void;
}) {
  const { text, labelFor } = useMessages();
  return (
    <TableRow data-code={request.referenceCode}>
      <TableCell>{request.referenceCode}</TableCell>
      <TableCell>{labelFor("category", request.category)}</TableCell>
      <TableCell>
        <Badge appearance="tint" color={request.status === "open" ? "warning" : "brand"}>
          {labelFor("status", request.status)}
        </Badge>
      </TableCell>
      <TableCell>{dateTime(request.createdAt, session.context.locale, session.context.timeZone)}</TableCell>
      <TableCell>
        <div style={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
          <Button size="small" aria-label={`${text.actionDetails} ${request.referenceCode}`} onClick={onOpen}>
            {text.actionDetails}
          </Button>
          {WITHDRAWABLE.has(request.status) && (
            <Button size="small" aria-label={`${text.actionWithdraw} ${request.referenceCode}`} onClick={onWithdraw}>
              {text.actionWithdraw}
            </Button>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}
