import fc from "fast-check";

/**
 * Property tests replay one seed unless told otherwise, so a landing run is repeatable: a property
 * that can find a new counterexample should find it on a developer's machine, not by chance in CI.
 * `FC_SEED=random npm test` explores fresh cases; `FC_SEED=<number>` replays a reported seed.
 */
const chosen = process.env.FC_SEED;
if (chosen !== "random") fc.configureGlobal({ seed: chosen ? Number(chosen) : 20_261_123 });
