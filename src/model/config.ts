/** One subscription as the config names it. */
export interface FeedConfig {
  url: string;
  /** The name the river shows as "Source". */
  name: string;
}

/** Settings of the planet itself. Paths are absolute (resolved against the config file). */
export interface PlanetSettings {
  name: string;
  link: string;
  ownerName?: string;
  ownerEmail?: string;
  description?: string;
  outputDir: string;
  database: string;
  themeDir: string;
  /** How many entries the front page and the output feeds carry. */
  itemsPerPage: number;
}

/** How the fetch stage behaves. */
export interface FetchSettings {
  /** Feeds fetched at the same time, over all hosts. */
  concurrency: number;
  /** Connections open to one host at the same time. */
  perHostConnections: number;
  /** Deadline for one feed's whole fetch, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  userAgent: string;
}

/** A loaded, validated config: frozen data passed as an argument to every stage. */
export interface PlanetConfig {
  /** Absolute path of the config file it came from. */
  configPath: string;
  planet: PlanetSettings;
  fetch: FetchSettings;
  feeds: readonly FeedConfig[];
}
