import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import type { FetchSettings } from '../model/index.ts';
import { guardedConnector } from './address-guard.ts';
import { HostLimiter } from './host-limiter.ts';

/**
 * The connector of the run's Agent: the address guard, under a limit of open connections per
 * host name. The request-level limit alone is not enough: after an aborted request undici may
 * open a replacement connection before the old one has closed, which a server would see as one
 * connection too many. Here a new connection to a host waits until one of its others has closed.
 */
export function createConnector(connectMs: number, settings: FetchSettings): buildConnector.connector {
  const connect = guardedConnector(connectMs, settings);
  const open = new HostLimiter(settings.perHostConnections);
  return (options, callback) => {
    void open.acquire(options.hostname).then((release) => {
      connect(options, (error, socket) => {
        if (error !== null) {
          release();
          return callback(error, null);
        }
        (socket as Socket).once('close', release);
        callback(null, socket);
      });
    });
  };
}
