package news.moderation.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A site's webhook receiver on loopback (the JDK's HTTP server): records every request, and answers 503 while it is
 * "down".
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String eventId, String signature, String body, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile boolean up = true;
    private volatile Duration delay = Duration.ZERO;

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!up) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            sleep(delay);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Moderation-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Moderation-Signature"), body, JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void down() {
        up = false;
    }

    void up() {
        up = true;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until what was received satisfies {@code done}, failing after {@code timeout}. */
    public List<Received> await(Predicate<List<Received>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(received())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The receiver did not get what was expected within " + timeout + "; got "
                        + received().stream().map(r -> r.json().get("type").asText()).toList());
            }
            sleep(Duration.ofMillis(50));
        }
        return received();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
