import type { Validators } from '../model/index.ts';

/** One feed to fetch, with the validators its last successful fetch left. */
export interface FetchRequest {
  url: string;
  validators: Validators;
  /** Extra headers (the feed's own, from config); sent only to the feed's origin, never logged. */
  headers?: Readonly<Record<string, string>>;
  /** HTTP basic auth; sent only to the feed's origin, never logged. */
  auth?: { username: string; password: string };
  /** The caller's own deadline: once aborted, the fetch ends at once as a timeout. */
  signal?: AbortSignal;
}

/** One redirect followed on the way to the final URL. */
export interface RedirectHop {
  from: string;
  to: string;
  status: number;
}

/** What a fetch brought back: a body to parse, or word that nothing changed. */
export type FetchResult =
  | {
      kind: 'ok';
      /** The final URL, after redirects. */
      url: string;
      httpStatus: number;
      /** Decompressed, at most `maxBytes` long. */
      body: Buffer;
      contentType?: string;
      validators: Validators;
      redirects: RedirectHop[];
      /** Cache-Control max-age, in seconds, when the response had one. */
      maxAgeSeconds?: number;
    }
  | {
      kind: 'not-modified';
      url: string;
      httpStatus: 304;
      validators: Validators;
      redirects: RedirectHop[];
      maxAgeSeconds?: number;
    };

/** Fetches feeds over one shared connection pool; close it when the run ends. */
export interface HttpClient {
  /** Fetches one feed; throws FetchError. */
  fetchFeed(request: FetchRequest): Promise<FetchResult>;
  /** Closes the pool's connections. */
  close(): Promise<void>;
}
