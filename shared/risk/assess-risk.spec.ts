import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess-risk.js";

/** Risk to life or safety. Every one of these must give `crisis`. */
const CRISIS = [
  "I want to kill myself",
  "I want it all to stop",
  "i want to kill myself",
  "I'm going to kill myself tonight",
  "im gonna kill myself",
  "I keep thinking about killing myself",
  "I want to die",
  "i just want to die",
  "I wanna die",
  "I want to diiiie",
  "I can't stop wanting to die",
  "I am suicidal",
  "Im feeling suicidal again",
  "im sucidal",
  "I've been having suicidal thoughts",
  "thinking about suicide a lot lately",
  "I've thought about suicide",
  "I wish I was dead",
  "I wish I were dead",
  "I wish I wasn't alive",
  "I wish I had never been born and I wish I was never born",
  "I don't want to live anymore",
  "i dont want to live anymore",
  "I do not want to be alive",
  "I don't want to wake up tomorrow",
  "I never want to wake up again",
  "I no longer want to live",
  "I'm going to end my life",
  "I want to take my own life",
  "I'm going to end it all",
  "i want to end it all tonight",
  "I'd be better off dead",
  "I would rather be dead",
  "There's no reason to live",
  "I have nothing to live for",
  "Life isn't worth living",
  "life is not worth it anymore",
  "What's the point of living",
  "I can't go on anymore",
  "I cant go on like this",
  "I want to go to sleep and never wake up",
  "I'm thinking of taking all my pills",
  "I'm going to overdose",
  "I took an overdose last night",
  "I want to hang myself",
  "I'm going to jump off a bridge",
  "I thought about stepping in front of a train",
  "I bought a rope for tonight",
  "I've written a suicide note",
  "Everyone would be better off without me",
  "everyone would be better off without me",
  "my family would be better off without me",
  "The team would be better without me",
  "they'd all be better off without me",
  "I can't see a way out",
  "i cant see a way out",
  "I don't see any way out of this",
  "There's no way out",
  "I've been giving my things away",
  "ive been giving away my stuff",
  "I won't be around much longer",
  "I won't be here tomorrow",
  "This is my final goodbye to everyone",
  "I want to disappear forever",
  "I feel like a burden to everyone",
  "I've been self harming again",
  "I self-harm when it gets bad",
  "I want to hurt myself",
  "I keep hurting myself",
  "I've been cutting myself",
  "I cut myself again last night",
  "I burn myself to feel something",
  "I don't feel safe with myself tonight",
  "I don't trust myself tonight",
  "I'm going to kill my manager",
  "I want to hurt someone at work",
  "I'm going to bring a gun to work",
  "I want to stab him",
  "My partner hits me",
  "my husband beats me",
  "He threatened to kill me",
  "my ex threatened to hurt me",
  "I'm scared he will hurt me when I get home",
  "I'm scared to go home",
  "I'm in danger",
  "I am being abused at home",
  "I'm experiencing domestic violence",
  "I fear for my life",
  "I want to unalive myself",
  "kms",
  "I want to kil myself",
  "I want to kill myslef",
  "I WANT TO DIE",
  "I want to die.  Please help",
  "My manager told me I'm useless and I want to die",
  "Work is fine but I want to die",
  "I don't know why, I just want to end my life",
  "no one would care if I killed myself",
  // Misses found by probing, kept as tests.
  "I feel like ending it",
  "nobody would miss me if I was gone",
  "i want to end things",
  "i think about dying a lot",
];

/** Severe distress: `elevated`, not crisis, not none. */
const ELEVATED = [
  "I keep having panic attacks at work",
  "I had a panic attack in the meeting",
  "I can't cope with this workload",
  "i cant cope anymore",
  "I'm not coping at all",
  "I'm at breaking point",
  "I feel like I'm falling apart",
  "I think I'm heading for a breakdown",
  "I can't do this anymore",
  "I can't take much more of this",
  "I haven't slept for days",
  "Not sleeping for a week now",
  "I'm completely burnt out",
  "I'm burned out",
  "total burnout",
  "I feel overwhelmed all the time",
  "I can't stop crying",
  "I've been crying at work",
  "I feel hopeless",
  "I feel worthless",
  "I'm so depressed",
  "I dread going to work",
  "I can't get out of bed",
  "I feel like giving up",
  "I've been drinking to cope",
  "I'm being bullied by my manager",
  "I think I'm being harassed",
  "I keep having flashbacks to the accident",
  "My friend said she wants to kill herself",
  "My colleague told me he wants to die",
  "I'm worried about a colleague who keeps talking about suicide",
  "She said she is going to hurt herself",
  "I watched a film about suicide and now I can't stop crying",
  "im sooo overwhelmed",
  "I hate my life",
  "my manager is abusive",
  "I'm really not ok",
];

/** Workplace idioms, negations, reported fiction and ordinary requests: never `crisis`. */
const NOT_CRISIS = [
  "This deadline is killing me",
  "this deadline is literally killing me",
  "My commute is killing me",
  "These meetings are killing me",
  "My feet are killing me",
  "I could murder a coffee",
  "I could kill for a pizza right now",
  "Can you kill the build?",
  "Please kill the process on server 3",
  "We had to kill the project",
  "You killed it in the presentation!",
  "She's killing it this quarter",
  "Just killing time before the call",
  "Shoot me an email when you're free",
  "shoot me a message",
  "We have a photo shoot tomorrow",
  "The server died again",
  "my laptop died",
  "My phone is dying",
  "The build is dead",
  "I'm dead tired",
  "That's a dead end",
  "The deadline is Friday",
  "I'm dying to know how it went",
  "I nearly died laughing",
  "bored to death in this meeting",
  "Death by PowerPoint again",
  "Let's end the meeting early",
  "At the end of the day it's fine",
  "My boss is going to kill me if I miss this",
  "He's going to kill me when he sees the bill",
  "I want to take my life in a new direction",
  "Suicide prevention training is next week",
  "Can we book the suicide awareness session?",
  "I'm not suicidal, just tired",
  "I would never hurt myself",
  "I'm not going to kill myself, don't worry",
  "I don't want to die, I just want a break",
  "There's no way I'd hurt myself",
  "The movie was about a man who wants to die",
  "The book is about suicide",
  "I read an article about self harm",
  "Hang in there!",
  "I'm trying to get the hang of the new system",
  "I'd like to talk to someone about my workload",
  "I'm having a conflict with a colleague",
  "Can someone help me with a difficult conversation?",
  "I'm a bit stressed about the reorg",
  "Things are hard at home at the moment",
  "I need some advice about a new manager",
  "I'd like a buddy",
  "help",
  "talk to someone",
  "",
  "   ",
  "Is there a peer circle on Tuesdays?",
  "give it a shot",
  "We need to kill two birds with one stone",
  "The plant died while I was on holiday",
  "It's a do or die sprint",
  "I was scared to death of the demo",
  "That's overkill",
];

describe("assessRisk", () => {
  it("screens at least 150 phrasings", () => {
    expect(CRISIS.length + ELEVATED.length + NOT_CRISIS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CRISIS)("crisis: %j", (text) => {
    const result = assessRisk(text);
    expect(result.level).toBe("crisis");
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it.each(ELEVATED)("elevated: %j", (text) => {
    expect(assessRisk(text).level).toBe("elevated");
  });

  it.each(NOT_CRISIS)("not crisis: %j", (text) => {
    expect(assessRisk(text).level).not.toBe("crisis");
  });

  it("keeps false crisis calls on the idiom and benign set at or under 5%", () => {
    const falseCrises = NOT_CRISIS.filter((text) => assessRisk(text).level === "crisis");
    expect(falseCrises.length / NOT_CRISIS.length).toBeLessThanOrEqual(0.05);
  });

  it("gives plain workplace text level none", () => {
    for (const text of ["This deadline is killing me", "Shoot me an email", "The server died", "I could murder a coffee", "help", ""]) {
      expect(assessRisk(text)).toEqual({ level: "none", reasons: [] });
    }
  });

  it("explains with labels and never echoes the words", () => {
    const result = assessRisk("I want to kill myself and I keep having panic attacks");
    expect(result.level).toBe("crisis");
    expect(result.reasons).toEqual(expect.arrayContaining(["suicidal-thoughts", "panic"]));
    for (const reason of result.reasons) expect(reason).toMatch(/^[a-z-]+$/);
  });

  it("finds crisis anywhere in a long message", () => {
    const long = `${"I have a lot going on with the project and the reorg. ".repeat(200)}Honestly I want to die.`;
    expect(assessRisk(long).level).toBe("crisis");
  });

  it("falls back to English for a locale without its own lexicon", () => {
    expect(assessRisk("I want to die", "fr-FR").level).toBe("crisis");
    expect(assessRisk("I want to die", "en-GB").level).toBe("crisis");
  });
});
