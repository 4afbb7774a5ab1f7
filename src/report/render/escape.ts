// Escaping for text and attribute values. Every string that comes from an article, a finding or a
// user goes through one of these before it becomes HTML.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Attribute values are always double-quoted by the renderers, so the same escaping suffices. */
export const escapeAttr = escapeHtml;

/** A token safe to use inside class names and data attributes (ids from the comparison). */
export function safeToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}
