/** Orders releases numerically, component by component: 6.1.12 is newer than 6.1.2. */
export const compareReleases = (a: string, b: string): number => {
  const [x, y] = [a.split("."), b.split(".")]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = Number(x[i] ?? 0) - Number(y[i] ?? 0)
    if (difference !== 0 && !Number.isNaN(difference)) return difference
  }
  return a < b ? -1 : a > b ? 1 : 0
}

export const newestFirst = (a: string, b: string): number => compareReleases(b, a)
