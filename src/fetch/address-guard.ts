import { lookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';

/**
 * Addresses a feed from an untrusted list must not make us reach: "this host" and private
 * ranges (RFC 1918, RFC 4193), loopback, link-local (cloud metadata lives at 169.254.169.254),
 * carrier-grade NAT, benchmarking, multicast and reserved ranges, after the IANA special-purpose
 * registries (https://www.iana.org/assignments/iana-ipv4-special-registry/). BlockList's IPv4
 * rules also match IPv4-mapped IPv6 addresses (::ffff:10.0.0.1).
 */
const NON_PUBLIC: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  // NAT64 embeds an IPv4 address, which may be a private one.
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const nonPublic = new BlockList();
for (const [network, prefix, family] of NON_PUBLIC) nonPublic.addSubnet(network, prefix, family);

/** Error code of a connection the guard refused; errors.ts turns it into FetchError('blocked-address'). */
export const BLOCKED_CODE = 'PLANET_BLOCKED_ADDRESS';

/** The error a refused connection fails with, naming the host and the address it came to. */
export class BlockedAddressError extends Error {
  readonly code = BLOCKED_CODE;
  readonly host: string;
  readonly address: string;

  constructor(host: string, address: string) {
    super(`${host} is at ${address}, a loopback, private, link-local or reserved address`);
    this.host = host;
    this.address = address;
  }
}

/** True for an IP address (v4 or v6) outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** What the guard needs from the fetch settings. */
export interface GuardSettings {
  allowPrivateNetworks?: boolean;
  allowHosts?: readonly string[];
}

/** Decides per host name or address whether the guard applies; undefined when the guard is off. */
export function addressPolicy(settings: GuardSettings): ((host: string, address: string) => boolean) | undefined {
  if (settings.allowPrivateNetworks !== false) return undefined;
  const allowed = new Set((settings.allowHosts ?? []).map((host) => bare(host.toLowerCase())));
  return (host, address) => allowed.has(bare(host.toLowerCase())) || allowed.has(address) || !isNonPublicAddress(address);
}

/**
 * Refuses an IP-literal URL the guard forbids, before any connection: the connector checks too,
 * but requests through an HTTP(S)_PROXY never reach our connector.
 */
export function literalCheck(settings: GuardSettings): ((url: URL) => void) | undefined {
  const allows = addressPolicy(settings);
  if (allows === undefined) return undefined;
  return (url) => {
    const host = bare(url.hostname);
    if (isIP(host) !== 0 && !allows(host, host)) throw new BlockedAddressError(host, host);
  };
}

/** An IPv6 literal without its URL brackets. */
function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Opens connections for the run's Agent. With the guard on it refuses a non-public address at three
 * points: an IP literal before connecting, every address DNS returns before connecting, and the
 * address the socket actually reached (so nothing that bypasses the lookup gets through).
 * Redirects open connections through here too, so they are covered.
 */
export function guardedConnector(connectMs: number, settings: GuardSettings): buildConnector.connector {
  const allows = addressPolicy(settings);
  if (allows === undefined) return buildConnector({ timeout: connectMs });
  const connect = buildConnector({ timeout: connectMs, lookup: guardedLookup(allows) });
  return (options, callback) => {
    const host = bare(options.hostname);
    if (isIP(host) !== 0 && !allows(host, host)) {
      callback(new BlockedAddressError(host, host), null);
      return;
    }
    connect(options, (error, socket) => {
      if (error !== null) return callback(error, null);
      const reached = (socket as Socket).remoteAddress ?? '';
      if (allows(host, reached)) return callback(null, socket);
      socket.destroy();
      callback(new BlockedAddressError(host, reached), null);
    });
  };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, but failing when any address it finds is refused (a name with one private address is not trusted). */
function guardedLookup(allows: (host: string, address: string) => boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, []);
      const refused = addresses.find((entry) => !allows(hostname, entry.address));
      if (refused !== undefined) return callback(new BlockedAddressError(hostname, refused.address), []);
      if (options.all === true) return callback(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
