import type { HuddleStep, HuddleTemplate } from "./templates.js";

/**
 * The built-in templates, and the English catalogue for their text. Prompts are read aloud in
 * meetings, so they are written to be spoken: warm, plain, and clear that passing is fine.
 *
 * Translations key on template id + step id + field (e.g. "debrief.ground-rules.prompt"), so ids here
 * must never change once shipped; reword the text freely, but add a new step id for a new step.
 */

const TALK_PRIVATELY_REMINDER =
  "If anything is weighing on you, the Talk privately link is always there: only you and the peer supporter who picks it up will see what you write.";

function freezeTemplate(template: HuddleTemplate): HuddleTemplate {
  const steps = template.steps.map((step): HuddleStep =>
    Object.freeze({ ...step, ...(step.round ? { round: Object.freeze({ ...step.round }) } : {}) }),
  );
  return Object.freeze({ ...template, steps: Object.freeze(steps) });
}

const MORNING_HUDDLE: HuddleTemplate = {
  id: "morning-huddle",
  name: "Morning huddle",
  description: "Five minutes to start the day together: how we are, one word each, and who could use a hand.",
  kind: "morning_huddle",
  builtIn: true,
  steps: [
    {
      id: "pulse",
      title: "Pulse check",
      prompt:
        "Good morning, everyone. To start, tap how you're doing today, from 1 for running low to 5 for feeling great. It's anonymous, nobody sees who chose what, and skipping is fine.",
      durationSeconds: 45,
      pulse: true,
      facilitatorNotes:
        "The spread only appears once at least 3 people have answered. Read it out as a whole, without guessing who is who.",
    },
    {
      id: "one-word",
      title: "One word",
      prompt:
        "Let's go round once. In one word, how are you arriving today? The order is shuffled, and if you'd rather not, just say pass. That's completely fine.",
      durationSeconds: 120,
      round: { secondsPerSpeaker: 20 },
    },
    {
      id: "blockers",
      title: "Blockers and asks",
      prompt:
        "Is anything blocking you today? Does anyone need a hand, or have a little time to offer one? Keep it short here, and pair up afterwards for the details.",
      durationSeconds: 90,
    },
    {
      id: "close",
      title: "Close",
      prompt: `Thanks, everyone. ${TALK_PRIVATELY_REMINDER} The Resources tab has support lines and guides too. Have a good day.`,
      durationSeconds: 45,
    },
  ],
};

const DEBRIEF: HuddleTemplate = {
  id: "debrief",
  name: "Debrief after a high-stakes event",
  description: "About half an hour to look back together after a hard or intense event, without blame, and to see what people need.",
  kind: "debrief",
  builtIn: true,
  steps: [
    {
      id: "ground-rules",
      title: "Ground rules",
      prompt:
        "Thank you for being here. Three things before we start. What's said here is confidential: we take away what we learned, not who said what. There's no blame here: we're looking after each other, not looking for fault. And passing is always fine: every question is an invitation, and you can step away whenever you need to.",
      durationSeconds: 180,
      facilitatorNotes: "Ask if anyone wants to add an agreement. Check that everyone knows they can leave and come back.",
    },
    {
      id: "what-happened",
      title: "What happened",
      prompt:
        "Let's piece together what happened, from where each of us was. Share what you saw and did, only as much as you're comfortable with. You can pass.",
      durationSeconds: 300,
      round: { secondsPerSpeaker: 60 },
      facilitatorNotes: "Keep to facts and each person's own part. Gently steer away from judging anyone's choices.",
    },
    {
      id: "reactions",
      title: "Reactions",
      prompt:
        "How did it feel at the time, and how are you feeling now? There are no right or wrong reactions. Say as much or as little as you like, or pass.",
      durationSeconds: 300,
      round: { secondsPerSpeaker: 60 },
    },
    {
      id: "went-well",
      title: "What went well",
      prompt: "What went well? Think of something you did, or something someone else did, that made a difference, however small.",
      durationSeconds: 240,
    },
    {
      id: "was-hard",
      title: "What was hard",
      prompt: "What was hard, or is still on your mind? We're naming it so we can carry it together, not to point at anyone.",
      durationSeconds: 300,
    },
    {
      id: "what-we-need",
      title: "What we need",
      prompt:
        "What would help now, this week, or next time? It might be some time off, a check-in, a change in how we work, or simply a coffee together.",
      durationSeconds: 300,
      facilitatorNotes: "Note the asks for the team, not who made them, and agree who will follow up on each.",
    },
    {
      id: "close",
      title: "Resources and close",
      prompt: `Thank you for sharing and for listening. Strong feelings after a day like this are common, and they can come up later too. ${TALK_PRIVATELY_REMINDER} The Resources tab lists the EAP, support lines and guides, and the emergency contacts are always one click away. Please keep an eye out for each other.`,
      durationSeconds: 180,
    },
  ],
};

const WEEKLY_CIRCLE: HuddleTemplate = {
  id: "weekly-circle",
  name: "Weekly peer circle",
  description: "Forty-five minutes with your circle: a check-in, a pulse, time for what's on your mind, and asks and offers of support.",
  kind: "weekly_circle",
  builtIn: true,
  steps: [
    {
      id: "welcome",
      title: "Welcome",
      prompt:
        "Welcome, everyone. A quick reminder of how we do things: what's shared in this circle stays in this circle, we listen rather than fix unless someone asks, and passing is always fine.",
      durationSeconds: 120,
    },
    {
      id: "check-in",
      title: "Check-in",
      prompt:
        "Let's go round. How has your week been, and what are you bringing with you today? The order is shuffled, and you can pass if you like.",
      durationSeconds: 600,
      round: { secondsPerSpeaker: 90 },
    },
    {
      id: "pulse",
      title: "Pulse check",
      prompt: "Tap how you're doing this week, from 1 for running low to 5 for feeling great. It's anonymous, and skipping is fine.",
      durationSeconds: 60,
      pulse: true,
    },
    {
      id: "on-your-mind",
      title: "What's on your mind",
      prompt:
        "What's on your mind this week? It could be something from the check-in you'd like to come back to, a theme someone suggested, or something new. Take your time, and let's leave room for quieter voices.",
      durationSeconds: 1200,
      facilitatorNotes: "If the group is quiet, offer a theme such as boundaries, recognition, or change at work. Silence is fine too.",
    },
    {
      id: "asks-and-offers",
      title: "Asks and offers",
      prompt: "Is there anything you'd like support with, from this circle or beyond? And is there something you could offer someone else?",
      durationSeconds: 480,
    },
    {
      id: "close",
      title: "Close",
      prompt: `Let's close with a word or a sentence: something you're taking away today. ${TALK_PRIVATELY_REMINDER} The Resources tab has more support. See you next time.`,
      durationSeconds: 240,
      round: { secondsPerSpeaker: 30 },
    },
  ],
};

const BUDDY_CHECK_IN: HuddleTemplate = {
  id: "buddy-check-in",
  name: "Buddy check-in",
  description: "Fifteen minutes for a new colleague and their buddy to catch up: what's going well, what's tricky, and what would help.",
  kind: "buddy_check_in",
  builtIn: true,
  steps: [
    {
      id: "how-are-you",
      title: "How are you?",
      prompt: "Start with how you both are, as people and not only as colleagues. How has your week been? It's fine to keep it light.",
      durationSeconds: 180,
    },
    {
      id: "going-well",
      title: "What's going well",
      prompt: "What's been going well since you last talked? Something you learned, someone who helped, or a small win.",
      durationSeconds: 180,
    },
    {
      id: "tricky",
      title: "What's been tricky",
      prompt:
        "What's been tricky or confusing? No question is too small, and nobody expects you to have it all worked out. If today isn't the day to go into it, that's fine too.",
      durationSeconds: 240,
    },
    {
      id: "asks",
      title: "Questions and asks",
      prompt:
        "Is there anything you'd like a hand with, or someone you'd like to meet? Buddy, what could you point to or help with this week?",
      durationSeconds: 180,
    },
    {
      id: "close",
      title: "Close",
      prompt: `Agree on when you'll talk next. ${TALK_PRIVATELY_REMINDER} The Resources tab has guides and support lines too.`,
      durationSeconds: 120,
    },
  ],
};

export const BUILT_IN_TEMPLATES: readonly HuddleTemplate[] = Object.freeze(
  [MORNING_HUDDLE, DEBRIEF, WEEKLY_CIRCLE, BUDDY_CHECK_IN].map(freezeTemplate),
);
