const MAX_WARNINGS = 50;

/** Collects the problems a parse recovered from: deduplicated and capped, so one bad field repeated in every item is one line. */
export class Warnings {
  private readonly seen = new Set<string>();
  private dropped = 0;

  /** Records a warning unless it was already recorded. */
  add(message: string): void {
    if (this.seen.has(message)) return;
    if (this.seen.size >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    this.seen.add(message);
  }

  /** The warnings in the order first seen. */
  list(): string[] {
    const out = [...this.seen];
    if (this.dropped > 0) out.push(`${this.dropped} more warnings not shown`);
    return out;
  }
}

/** What every format's parse and adapt steps share about one document. */
export interface ParseContext {
  /** The document's own URL, the last fallback base for relative links (undefined if not absolute). */
  documentUrl: string | undefined;
  /** The base URL as feedparser keeps it: Content-Location joined onto the URL, as written; '' when none. */
  documentBase: string;
  /** The Content-Language the document was served with. */
  language?: string;
  warnings: Warnings;
}
