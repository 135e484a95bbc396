import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useDeferredValue, useMemo } from "react";
import { assessRisk, type RiskAssessment } from "../../../shared/risk/assess-risk.js";
import { useMessages } from "../i18n/use-messages.js";
import { SeeAllCrisisLines, TopCrisisLine } from "./emergency-block.js";

const NO_RISK: RiskAssessment = { level: "none", reasons: [] };

/**
 * Screens what is being typed, in the browser, with the same screen the server uses: nothing is
 * sent and nothing is stored. Several fields of one form can be passed together; each is screened
 * on its own so one field's words cannot change another's meaning.
 */
export function useCrisisScreen(texts: string | readonly (string | undefined)[], locale?: string): RiskAssessment {
  const joined = typeof texts === "string" ? texts : texts.map((value) => value ?? "").join("\u0000");
  // Typing stays responsive on slow machines; the screen follows within the same frame or the next.
  const deferred = useDeferredValue(joined);
  return useMemo(() => {
    let worst: RiskAssessment = NO_RISK;
    for (const part of deferred.split("\u0000")) {
      if (!part.trim()) continue;
      const assessment = assessRisk(part, locale);
      if (assessment.level === "crisis") return assessment;
      if (assessment.level === "elevated") worst = assessment;
    }
    return worst;
  }, [deferred, locale]);
}

/**
 * The emergency content, in the same view as the field, as soon as crisis text is typed: before
 * anything is sent, and whether or not the server can be reached. Renders nothing otherwise.
 */
export function TypedCrisisNotice({
  texts,
  locale,
  testId = "typed-crisis-notice",
}: {
  texts: string | readonly (string | undefined)[];
  locale?: string | undefined;
  testId?: string;
}) {
  const { text } = useMessages();
  const assessment = useCrisisScreen(texts, locale);
  if (assessment.level !== "crisis") return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{text.typedCrisisTitle}</MessageBarTitle>
        <Text as="p" block style={{ margin: "4px 0 0" }}>
          {text.typedCrisisBody}
        </Text>
        <TopCrisisLine locale={locale} testId={`${testId}-top-line`} />
        <Text as="p" block style={{ margin: "4px 0 0" }}>
          {text.typedCrisisSomeoneElse}
        </Text>
        <SeeAllCrisisLines />
      </MessageBarBody>
    </MessageBar>
  );
}
