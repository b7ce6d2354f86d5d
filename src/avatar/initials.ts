// A generated stand-in for a feed with no image of its own: its initials on a colour drawn
// from its name, so the same feed keeps the same picture from build to build.

/** Up to two initials of a name: the first letter or digit of its first two words, upper-cased. */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  const initials = letters.join('').toLocaleUpperCase();
  return initials === '' ? '?' : initials;
}

/** FNV-1a over the UTF-16 code units: small, stable and spread enough to pick a hue. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A dark-enough colour (white text on it meets WCAG AA contrast, 4.5:1) as #rrggbb. */
export function initialsColour(name: string): string {
  const hue = hash(name) % 360;
  // HSL with lightness 32 % and saturation 50 %: every hue stays dark enough for white text.
  const s = 0.5;
  const l = 0.32;
  const k = (n: number): number => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const value = l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A square SVG of the name's initials; every piece of the name in it is escaped. */
export function initialsSvg(name: string): string {
  const label = escapeXml(name);
  const initials = escapeXml(initialsOf(name));
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" ' +
    `aria-label="${label}"><title>${label}</title>` +
    `<rect width="96" height="96" fill="${initialsColour(name)}"/>` +
    '<text x="48" y="48" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="40" fill="#ffffff">' +
    `${initials}</text></svg>\n`
  );
}
