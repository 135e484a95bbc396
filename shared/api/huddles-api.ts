import type { HuddleClockState } from "../huddles/huddle-clock.js";
import type { closePulse } from "../huddles/pulse.js";
import type { HuddleStep, HuddleTemplate } from "../huddles/templates.js";

/** GET /api/time: the server's clock, so the tab can correct its own before counting down. */
export interface ServerTimeResponse {
  serverNow: number;
}

/**
 * A huddle as every panel sees it: the facilitator and speakers only as opaque keys, and a pulse as
 * how many answered until its step ends. The answer to GET, POST and the actions of /api/huddles.
 */
export interface HuddleViewResponse {
  session: {
    templateId: string;
    templateName: string;
    /** Facilitator notes never travel with the shared view; facilitators read them from the template library. */
    steps: HuddleStep[];
    clock: HuddleClockState;
    /** Opaque id of this huddle session; a new session means a new viewer key. */
    instance: string;
    pulse?: { stepId: string; answers: number };
    closedPulses: ReturnType<typeof closePulse>[];
    /** Display names of the current round's speakers, by opaque key, as Teams gives them; a speaker may have none. */
    speakerNames?: Record<string, string> | undefined;
    /** Server time of the last change; a huddle idle for hours may be replaced by the meeting's next one. */
    changedAt?: number | undefined;
    /** Whether the facilitator has posted this huddle's summary to the meeting chat (it goes once). */
    summaryPosted?: boolean | undefined;
  };
  version: string;
  serverNow: number;
  /** The caller's own opaque key in this session; sent to them alone, never in the shared stream state. */
  viewerKey?: string;
  /** Sent to the meeting's organiser alone, as Teams says: the one person who may take a huddle over. */
  viewerIsOrganizer?: boolean;
}

/**
 * GET /api/huddles/:meetingId/presence: the facilitator's "who is here", everyone whose verified
 * panel or stage has the huddle open now, on any instance. Names only, as their sign-in gave them;
 * no Entra object id. `key` is the person's opaque key in the running session (absent before one
 * starts), the same key the speaking round and the facilitator field use.
 */
export interface HuddlePresenceResponse {
  people: { key?: string; displayName?: string; you: boolean }[];
}

/** A template as the library lists it; built-ins have no version because nobody edits them. */
export interface ListedTemplate {
  template: HuddleTemplate;
  version?: string;
  updatedAt?: string;
}

/** GET /api/huddle-templates. */
export interface TemplateListResponse {
  templates: ListedTemplate[];
}
