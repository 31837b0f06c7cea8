import { once } from 'node:events';
import net from 'node:net';

/**
 * A TCP port free on 127.0.0.1 at the moment of asking (a server held it and let it go): to listen
 * on, or, left alone, a port that refuses connections.
 */
export async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  s.close();
  await once(s, 'close');
  return port;
}
