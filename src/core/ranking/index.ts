export { rankCandidates, scorePair, type RankedCandidate } from "./rank.js";
export * from "./types.js";
export { harmonic, noisyOr, priorityWeights } from "./factors.js";
