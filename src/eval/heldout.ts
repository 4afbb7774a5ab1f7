/**
 * A fixed held-out slice of a training file, by a hash of the item id (about 15% of the items): models are
 * selected on it, trained without it, and only then retrained on everything (scripts/train-quote-*.mjs).
 */
export function isHeldOut(id: string, percent = 15): boolean {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 100 < percent;
}
