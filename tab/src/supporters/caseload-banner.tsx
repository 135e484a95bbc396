import { useCallback } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { localDateText } from "../circles/circle-format.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

/** A supporter's own load, at the top of their queue, and a reminder of their own support after a crisis. */
export function CaseloadBanner({ session }: { session: Session }) {
  const { text, formatMessage } = useMessages();
  const [caseload] = useLoad(useCallback(() => session.api.myCaseload(), [session]));
  if (caseload.status !== "ready") return null;
  const { activeCases, caseloadCap, atCap, crisisRecently, refresherDue, trainingStatus } = caseload.data;
  return (
    <div style={{ display: "grid", gap: 8 }} data-testid="caseload">
      <MessageBar intent={atCap ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          {formatMessage("caseloadSummary", { active: String(activeCases), cap: String(caseloadCap) })}
          {atCap && ` ${text.caseloadAtCap}`}
        </MessageBarBody>
      </MessageBar>
      {crisisRecently && (
        <MessageBar intent="info" layout="multiline" data-testid="crisis-nudge">
          <MessageBarBody>{text.caseloadCrisisNudge}</MessageBarBody>
        </MessageBar>
      )}
      {refresherDue && (trainingStatus === "due_soon" || trainingStatus === "overdue") && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {formatMessage("caseloadRefresherDue", { date: localDateText(refresherDue, session.context.locale) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
