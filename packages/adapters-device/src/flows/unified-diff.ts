import { createTwoFilesPatch } from "diff"
import type { UnifiedDiff } from "./flow-context.ts"

/** The Post-Upgrade `.diff` files (DEVICE.md §6.7), written by jsdiff. */
export const unifiedDiff: UnifiedDiff = (oldLabel, newLabel, oldText, newText) =>
  createTwoFilesPatch(oldLabel, newLabel, oldText, newText)
