/*
 * Where the Facilitate panel shows the other facilitation tools, built beside it: F1's lock toggles
 * (client/src/facilitation/LockControls.tsx) and F3's vote and private-phase controls
 * (voting/VoteControls.tsx, private/PrivatePhaseControls.tsx). Those modules are not on this branch yet,
 * so each slot renders nothing (no stand-in control); when they are merged, each slot becomes a
 * re-export of the real component and the panel needs no change.
 */
export function LockControlsSlot() {
  return null
}

export function VoteControlsSlot() {
  return null
}

export function PrivatePhaseControlsSlot() {
  return null
}
