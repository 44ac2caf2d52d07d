import net from 'node:net';

/**
 * Tunes the Bolt sockets of neo4j-driver 5: Nagle's algorithm off, and the chunks of one message
 * (or of several messages written in the same tick) sent in one system call.
 *
 * Nagle off: the driver writes each Bolt message in chunks of at most 1,400 bytes and leaves Nagle
 * on, so any query whose text and parameters exceed one chunk waits for the server's delayed ACK:
 * measured here, `RETURN 1` takes 5 ms, the same with 3 KB of text 53 ms, and 14 ms with
 * TCP_NODELAY.
 *
 * One write per tick: with Nagle off, each 1,400-byte chunk was then its own `write` system call and
 * its own packet for Neo4j to wake up for. The headline question wrote 17 times per request (18 KB:
 * its statements' texts and parameters), and the socket writes were the largest self time of the
 * W1 and W3 profiles (issue 13). The first write of a tick corks the socket and the next tick uncorks
 * it, as Node's HTTP server does for a response: the chunks written meanwhile leave in one `writev`.
 * Nothing waits longer than the current tick; a message is complete in one tick, as the driver
 * writes it synchronously.
 *
 * The driver offers no option for either; the one socket call it always makes on a new connection
 * is `setKeepAlive(true)` (node-channel.js, configureSocket), so that is where we hook. Other
 * callers of setKeepAlive(true) (HTTP keep-alive agents) get the same, which only merges their
 * writes of one tick too.
 */
let installed = false;

export function installTcpNoDelayForBolt(): void {
  if (installed) return;
  installed = true;
  const original = net.Socket.prototype.setKeepAlive;
  net.Socket.prototype.setKeepAlive = function setKeepAliveAndNoDelay(this: net.Socket, enable?: boolean, initialDelay?: number) {
    if (enable) {
      this.setNoDelay(true);
      writeOncePerTick(this);
    }
    return original.call(this, enable, initialDelay);
  };
}

/** Makes the writes `socket` receives in one tick leave together, when the tick ends (cork, then uncork on the next tick). */
function writeOncePerTick(socket: net.Socket): void {
  if (Object.prototype.hasOwnProperty.call(socket, 'write')) return;
  const write = socket.write;
  const uncork = () => socket.uncork();
  socket.write = function writeCorked(this: net.Socket, ...args: unknown[]) {
    if (this.writableCorked === 0 && !this.destroyed) {
      this.cork();
      process.nextTick(uncork);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as net.Socket['write'];
}
