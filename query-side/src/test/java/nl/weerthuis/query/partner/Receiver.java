package nl.weerthuis.query.partner;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner's webhook on localhost: takes part in the validation handshake, answers POSTs with the statuses it is
 * told to (then 200), keeps the bodies it accepted, and can go down and come back on the same port.
 */
class Receiver implements AutoCloseable {

    record Answer(int status, String retryAfter) {
    }

    final List<byte[]> accepted = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The W3C traceparent header of each accepted notification, in the order accepted. */
    final List<String> traceParents = new CopyOnWriteArrayList<>();
    final Deque<Answer> nextAnswers = new ConcurrentLinkedDeque<>();
    volatile int postsSeen;
    volatile boolean handshake = true;
    volatile int answerAfterScript = 200;
    /** How long the receiver takes per notification (a slow partner widens any window for overlapping deliveries). */
    volatile long latencyMillis;
    /** Per subject: notifications being handled right now, and the most there ever were at once. */
    final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    final List<String> afterDeadLetter = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        serve();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void answerFirst(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(new Answer(status, null));
        }
    }

    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        serve();
    }

    List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        accepted.forEach(body -> bodies.add(new String(body, StandardCharsets.UTF_8)));
        return bodies;
    }

    private void serve() {
        server.createContext("/hook", exchange -> {
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                if (handshake) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin",
                            exchange.getRequestHeaders().getFirst("WebHook-Request-Origin"));
                    exchange.getResponseHeaders().add("Allow", "POST");
                }
                exchange.sendResponseHeaders(handshake ? 200 : 405, -1);
                exchange.close();
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            postsSeen++;
            String subject = new String(body, StandardCharsets.UTF_8).replaceAll("(?s).*\"subject\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            var current = inFlight.computeIfAbsent(subject, k -> new java.util.concurrent.atomic.AtomicInteger());
            mostAtOnce.accumulateAndGet(current.incrementAndGet(), Math::max);
            try {
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis); // a slow partner, not a synchronisation
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                current.decrementAndGet();
            }
            Answer answer = nextAnswers.poll();
            int status = answer == null ? answerAfterScript : answer.status();
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            if (status / 100 == 2) {
                if ("true".equals(exchange.getRequestHeaders().getFirst("Weerthuis-After-Dead-Letter"))) {
                    afterDeadLetter.add(new String(body, StandardCharsets.UTF_8));
                }
                accepted.add(body);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                traceParents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
