// The fault schedules use the same seeded PRNG as the demo generator: replayable from a seed.
export { rng, pick } from '../../electron/demo/rng';
