import { asr9kPx531 } from "./asr9k-px-5.3.1.ts"
import { asr9kPx532 } from "./asr9k-px-5.3.2.ts"
import { asr9kPx533 } from "./asr9k-px-5.3.3.ts"
import { asr9kPx600 } from "./asr9k-px-6.0.0.ts"
import { asr9kX64612 } from "./asr9k-x64-6.1.2.ts"
import { crsPx532, crsPx533 } from "./crs-px.ts"
import { ncs5500613 } from "./ncs5500-6.1.3.ts"
import { ncs6k523, ncs6k524, ncs6k525 } from "./ncs6k.ts"
import { ncs6kSysadmin523, ncs6kSysadmin524, ncs6kSysadmin525 } from "./ncs6k-sysadmin.ts"
import type { SampleRelease } from "./sample-release.ts"

/** Every release of the bundled sample catalog (CCO.md §7), in catalog.dat order. */
export const sampleReleases: ReadonlyArray<SampleRelease> = [
  asr9kPx531, asr9kPx532, asr9kPx533, asr9kPx600, asr9kX64612, crsPx532, crsPx533, ncs5500613,
  ncs6k523, ncs6k524, ncs6k525, ncs6kSysadmin523, ncs6kSysadmin524, ncs6kSysadmin525
]
