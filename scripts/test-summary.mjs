// Prints the closing line "N passed, N failed, N skipped" from vitest's JSON report.
import { readFileSync } from "node:fs"

const report = JSON.parse(readFileSync(new URL("../.vitest/results.json", import.meta.url), "utf8"))
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`)
