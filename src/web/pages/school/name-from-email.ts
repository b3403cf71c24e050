// Words that stay lower case inside a Dutch name ("Jan de Vries", "Anouk van der Berg").
const NAME_PARTICLES = new Set(['de', 'der', 'den', 'van', 'het', 'ter', 'ten', 'te', 'in', 'op', "'t", 'la', 'le', 'du', 'da', 'von']);

/**
 * A name suggested from the part of an e-mail address before the @ ("jan.de.vries@…" → "Jan de Vries",
 * "j.jansen" → "J. Jansen"). Only what the inviter typed is used — nothing is looked up, so it tells nothing
 * about accounts. Empty when the address gives no usable name (digits only, a shared box like "info").
 */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const parts = local
    .split(/[._\-+]+/)
    .map((part) => part.replace(/\d+/g, ''))
    .filter((part) => part !== '');
  if (parts.length === 0 || ['info', 'admin', 'noreply', 'no-reply', 'secretariaat', 'administratie'].includes(local.toLowerCase())) return '';
  return parts
    .map((part, index) => {
      const lower = part.toLowerCase();
      if (index > 0 && index < parts.length - 1 && NAME_PARTICLES.has(lower)) return lower;
      if (part.length === 1) return `${part.toUpperCase()}.`;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}
