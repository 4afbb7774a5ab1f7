/** Least-squares slope of log(seconds) on log(articles). */
export function growthExponent(points: readonly { articles: number; seconds: number }[]): number {
  const xs = points.map((p) => Math.log(p.articles));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den ? num / den : 0;
}
