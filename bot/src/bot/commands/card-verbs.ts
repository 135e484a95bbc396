import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { submitRequestFromCard } from "../request-submission.js";
import { relayMessage } from "../relay.js";
import { changeRequestStatus, claimRequest, NOBODY_REACHED, notifySupporters, refreshedRequestCard } from "../supporter-routing.js";
import type { SignedInVerbTurn, VerbTurn } from "./registry-types.js";

/** The request form's Send: screened, validated and stored before supporters are told. */
export async function submitRequest({ context, data, services }: VerbTurn): Promise<AdaptiveCard> {
  const { requests, logger, supporters } = services.options;
  return submitRequestFromCard(context, data, {
    requests,
    logger,
    sendEmergencyBlock: (risk) => services.sendEmergencyBlock(context, risk),
    privateChatCard: () => services.privateChatCard(context),
    namedSupporters: (tenantId) => supporters.listed(tenantId),
    afterStored: async (tenantId, request) => {
      // The request is safely stored; a failed notification must not undo the confirmation.
      const outcome = await notifySupporters(tenantId, request, services.routing(), context.activity.locale).catch(() => {
        logger.error({ event: "requests.notify_failed" }, "notify failed");
        return NOBODY_REACHED;
      });
      return outcome.onDutyNotified > 0 ? "on_duty" : outcome.fallbackNotified > 0 ? "everyone" : "nobody";
    },
  });
}

/** In a channel or group chat only content-free cards may come back: everyone there sees them. */
const where = (turn: VerbTurn) => (turn.scope === "personal" ? "personal" : "shared");

export async function claim(turn: SignedInVerbTurn): Promise<AdaptiveCard> {
  return claimRequest(turn.actor, turn.data, turn.services.routing(), turn.context.activity.locale, where(turn));
}

export async function refresh(turn: SignedInVerbTurn): Promise<AdaptiveCard> {
  return refreshedRequestCard(turn.actor, turn.data, turn.services.routing(), turn.context.activity.locale, where(turn));
}

export async function changeStatus({ actor, data, context, services }: SignedInVerbTurn): Promise<AdaptiveCard> {
  return changeRequestStatus(actor, data, services.routing(), context.activity.locale);
}

export async function relay({ actor, data, context, services }: SignedInVerbTurn): Promise<AdaptiveCard> {
  const sendEmergencyBlock = (risk: Parameters<typeof services.sendEmergencyBlock>[1]) => services.sendEmergencyBlock(context, risk);
  return relayMessage(actor, data, services.routing(), sendEmergencyBlock, context.activity.locale);
}
