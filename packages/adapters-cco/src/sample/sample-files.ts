import { renderCatalogIndex } from "@csm/core"
import { renderReleaseDocument } from "../xml/render-release.ts"
import { sampleReleases } from "./sample-catalog.ts"

/** A file of the sample catalog: its name in the catalog directory and its text. */
export interface SampleFile {
  readonly file: string
  readonly text: string
}

/** The files of the bundled sample catalog: catalog.dat, then one XML per release. Pure, deterministic. */
export const sampleFiles = (): ReadonlyArray<SampleFile> => [
  { file: "catalog.dat", text: renderCatalogIndex(sampleReleases) },
  ...sampleReleases.map((release) => ({
    file: `${release.platform}_${release.release}.xml`,
    text: renderReleaseDocument(release)
  }))
]
