package dev.kbgen.serve;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The open event streams ({@code /__kbgen/events}) and what to send them. Each stream is served by
 * its own request thread, which waits on its client's queue; a rebuild only queues an event, so a
 * slow or vanished browser never holds up a build.
 */
final class LiveReload {
  /** Sent to a queue to end its stream. */
  private static final String CLOSE = "\u0000close";

  private final int maxClients;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LiveReload(int maxClients) {
    this.maxClients = maxClients;
  }

  /** A new stream, or empty when there are too many or the server is stopping. */
  synchronized Optional<Client> open() {
    if (closed || clients.size() >= maxClients) {
      return Optional.empty();
    }
    Client c = new Client();
    clients.add(c);
    return Optional.of(c);
  }

  /** Queues {@code event: name} with {@code data} for every open stream. */
  void broadcast(String name, String data) {
    String message = "event: " + name + "\ndata: " + data + "\n\n";
    clients.forEach(c -> c.queue.offer(message));
  }

  int size() {
    return clients.size();
  }

  /** Ends every stream; no new stream is accepted. */
  synchronized void close() {
    closed = true;
    clients.forEach(c -> c.queue.offer(CLOSE));
  }

  /** Waits until every stream has ended, at most {@code millis}; whether they all did. */
  synchronized boolean awaitEmpty(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!clients.isEmpty()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** One browser tab's event stream. */
  final class Client {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(64);

    /**
     * The next message to write: an event, a comment line to keep the connection checked when
     * nothing happened for {@code heartbeatMillis}, or empty when the stream must end.
     */
    Optional<String> next(long heartbeatMillis) throws InterruptedException {
      String m = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
      if (m == null) {
        return Optional.of(": ping\n\n");
      }
      return m.equals(CLOSE) ? Optional.empty() : Optional.of(m);
    }

    /** Forgets this stream (its browser went away or the server is stopping). */
    void remove() {
      synchronized (LiveReload.this) {
        clients.remove(this);
        LiveReload.this.notifyAll();
      }
    }
  }
}
