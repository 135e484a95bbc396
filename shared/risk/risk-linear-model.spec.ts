import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessRisk, combinedAssessment, screenByFrames } from "./assess-risk.js";
import RISK_LINEAR_EN from "./risk-linear-en.json" with { type: "json" };
import { linearFeatures, linearStem, type LinearRiskModel } from "./risk-linear-model.js";
import {
  linearClauseFeatures,
  linearRiskScores,
  linearRiskScoresByFeatures,
  linearScoresOf,
  lowestLinearCrisisScore,
  namedFeatureIds,
  namedFeatures,
} from "./risk-linear-scoring.js";
import RISK_MODEL_EN from "./risk-model-en.json" with { type: "json" };
import type { RiskModel } from "./risk-model.js";

const linear = RISK_LINEAR_EN as LinearRiskModel;
const bayes = RISK_MODEL_EN as RiskModel;
const toy: LinearRiskModel = { weights: { "w|pill": [2, 1], "w|lol": [-3, -1] }, bias: [0, 0], bayesShare: 0 };

describe("linear risk layer", () => {
  it("stems inflections together and leaves short words alone", () => {
    expect(["overdosing", "overdosed", "overdoses"].map(linearStem)).toEqual(["overdos", "overdos", "overdos"]);
    expect(["is", "was", "ring", "red"].map(linearStem)).toEqual(["is", "was", "ring", "red"]);
  });

  it("sees frame reasons, tone, words and word pairs, not the raw text", () => {
    const text = "I want to kill myself lol 😂?";
    const features = linearFeatures(text, screenByFrames(text));
    expect(features).toEqual(expect.arrayContaining(["w|kill", "b|want|to", "s|want|kill", "LAUGH", "Q"]));
    expect(features.some((feature) => feature.startsWith("R|"))).toBe(true);
    expect(features.some((feature) => feature.includes("😂") || feature.includes(" "))).toBe(false);
  });

  it("moves each head by exactly the weights of the features present", () => {
    const logOdds = (probability: number) => Math.log(probability / (1 - probability));
    const [crisis, risk] = linearRiskScoresByFeatures(["w|pill", "w|unknown"], toy, [0.5, 0.5]);
    expect(logOdds(crisis)).toBeCloseTo(2, 10);
    expect(logOdds(risk)).toBeCloseTo(1, 10);
    expect(linearRiskScoresByFeatures(["w|pill", "w|lol"], toy, [0.5, 0.5])[0]).toBeLessThan(crisis);
    const frames = { crisis: [], elevated: [], explained: false, clauses: ["pills pill", "lol pills"] };
    expect(linearRiskScores("", frames, toy, [0.5, 0.5])).toEqual(linearRiskScoresByFeatures(["w|pill", "w|lol"], toy, [0.5, 0.5]));
  });

  it("never takes a name on Object.prototype for a weight", () => {
    const frames = { crisis: [], elevated: [], explained: false, clauses: ["constructor __proto__ tostring hasownproperty"] };
    expect(linearRiskScores("", frames, linear, [0.5, 0.5]).every(Number.isFinite)).toBe(true);
    expect(linearRiskScoresByFeatures(["constructor", "__proto__", "w|constructor"], linear, [0.5, 0.5]).every(Number.isFinite)).toBe(true);
    for (const word of ["constructor", "__proto__", "valueOf", "hasOwnProperty"]) {
      expect(assessRisk(`i want to kill myself ${word}`).level).toBe("crisis");
    }
  });

  it("scores by numbers exactly what the sum over feature names gives, on every corpus phrasing and mutations of them", () => {
    const texts = [
      ...readFileSync(new URL("../../tests/fixtures/risk-corpus/development.jsonl", import.meta.url), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
      "constructor valueOf __proto__ _ _ a",
      "",
    ];
    for (const [index, text] of texts.entries()) {
      const mutated = index % 3 === 0 ? `${text} ${texts[(index * 7) % texts.length]}` : index % 3 === 1 ? text.toUpperCase() : text;
      const frames = screenByFrames(mutated);
      const bayesScores: [number, number] = [(index % 10) / 10, 0.5];
      const numbered = linearRiskScores(mutated, frames, linear, bayesScores);
      const named = linearRiskScoresByFeatures(linearFeatures(mutated, frames), linear, bayesScores);
      expect(numbered[0]).toBeCloseTo(named[0], 9);
      expect(numbered[1]).toBeCloseTo(named[1], 9);
    }
  });

  it("scores any set of a message's clauses from its features as it scores those clauses alone", () => {
    const texts = readFileSync(new URL("../../tests/fixtures/risk-corpus/long-development.jsonl", import.meta.url), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const [index, text] of texts.entries()) {
      const frames = screenByFrames(text);
      const named = namedFeatures(text, frames);
      const some = frames.clauses.map((_, at) => at).filter((at) => (at * 7 + index) % 3 === 0);
      const bayesScores: [number, number] = [(index % 10) / 10, 0.5];
      const alone = linearRiskScores(text, { ...frames, clauses: some.map((at) => frames.clauses[at]!) }, linear, bayesScores, named);
      const features = linearClauseFeatures(frames.clauses, linear);
      expect(linearScoresOf(features, namedFeatureIds(named, linear), linear, bayesScores, some)).toEqual(alone);
    }
  });

  it("never scores a message below its lowest crisis score, whatever the Bayes layer says", () => {
    const texts = readFileSync(new URL("../../tests/fixtures/risk-corpus/long-development.jsonl", import.meta.url), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (const text of texts) {
      const frames = screenByFrames(text);
      const features = linearClauseFeatures(frames.clauses, linear);
      const named = namedFeatureIds(namedFeatures(text, frames), linear);
      const lowest = lowestLinearCrisisScore(features, named, linear);
      for (const bayes of [0, 1e-15, 1e-6, 0.3, 1]) {
        expect(linearScoresOf(features, named, linear, [bayes, bayes])[0]).toBeGreaterThanOrEqual(lowest);
      }
    }
  });

  it("keeps a crisis frame at crisis whatever ordinary work talk surrounds it", () => {
    const work = [
      "The quarterly report is attached, please review the figures for the north region before Friday.",
      "Rota for next week is up, can someone cover Tuesday?",
      "Minutes from today's standup are in the channel.",
    ];
    for (const crisis of [
      "i am going to kill myself tonight.",
      "I have the pills ready for tonight.",
      "I've decided to end my life this weekend.",
    ]) {
      expect(assessRisk(crisis).level).toBe("crisis");
      expect(assessRisk(`${work.join(" ")} ${crisis}`).level, crisis).toBe("crisis");
      expect(assessRisk(`${work[0]} ${crisis} ${work[1]} ${work[2]}`).level, crisis).toBe("crisis");
    }
  });

  it("keeps a crisis frame at crisis when a layer cannot score the message", () => {
    const text = "i am going to kill myself tonight";
    const broken = { weights: {}, bias: [Number.NaN, Number.NaN], bayesShare: 0 } as unknown as LinearRiskModel;
    expect(combinedAssessment(text, screenByFrames(text), { bayes, linear: broken }).level).toBe("crisis");
  });

  it("lets the shipped weights demote a frame only in a harmless sense it has learned", () => {
    expect(assessRisk("this deadline is killing me lol").level).not.toBe("crisis");
    expect(assessRisk("i have saved up my pills and i am taking them tonight").level).toBe("crisis");
  });
});
