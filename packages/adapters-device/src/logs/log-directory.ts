/** `PE1-2017_03_07_10_15_02-134`: the host, the job's UTC start time and its id (DEVICE.md §7). */
export const logDirectoryName = (hostname: string, startedAt: string, jobId: number): string => {
  const time = new Date(startedAt)
  const two = (value: number) => String(value).padStart(2, "0")
  const stamp = [
    time.getUTCFullYear(), two(time.getUTCMonth() + 1), two(time.getUTCDate()),
    two(time.getUTCHours()), two(time.getUTCMinutes()), two(time.getUTCSeconds())
  ].join("_")
  return `${hostname}-${stamp}-${jobId}`
}
