import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * Proves that webhook deliveries survive a crash in their middle (at least once, in order per comment), against the
 * packaged service on a fresh embedded database in a temporary directory (removed at the end), on a free loopback
 * port, with a receiver on loopback in this script. The approach of scripts/DurabilityCheck.java's {@code crash}:
 *
 * <ol>
 * <li>start the service (loopback targets allowed), register an endpoint for every event type of the default site;</li>
 * <li>submit comments and report each of them, so that every comment has several events (judged, reported, status
 * changed); the receiver answers slowly, so deliveries are still going on;</li>
 * <li>once part of the events arrived, SIGKILL the service and its PostgreSQL (the machine dies);</li>
 * <li>start the service again on the same data directory and wait until its delivery log has every delivery
 * delivered;</li>
 * <li>check that every event id of the log arrived at least once, and that each comment's events first arrived in
 * the order of their sequence.</li>
 * </ol>
 *
 * Usage: java scripts/WebhookCrashCheck.java [path/to/quarkus-run.jar] (loopback only, bounded in count and time,
 * about a minute; exits non-zero on any failure)
 */
public class WebhookCrashCheck {

    static final int COMMENTS = 60;
    static final int REPORTS_PER_COMMENT = 3;
    /** At least this many event ids arrive before the kill; the rest (most) are still owed. */
    static final int KILL_AFTER_RECEIVED = 40;
    /** The receiver's answer time: long enough that a kill lands among deliveries. */
    static final Duration RECEIVER_DELAY = Duration.ofMillis(15);
    static final Duration READY_WITHIN = Duration.ofSeconds(90);
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(45);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Pattern FIELD = Pattern.compile("\"(id|commentId|eventId|sequence|state|secret)\"\\s*:\\s*\"?([^\",}]*)");

    final Path jar;
    final Path workDir;
    final Path dataDir;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every request the receiver got, in arrival order: event id, comment id, sequence. */
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    final Set<String> distinctArrived = ConcurrentHashMap.newKeySet();

    record Arrival(String eventId, String commentId, long sequence) {
    }

    WebhookCrashCheck(Path jar) throws IOException {
        this.jar = jar;
        this.workDir = Files.createTempDirectory("webhook-crash-check-");
        this.dataDir = workDir.resolve("postgres");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        WebhookCrashCheck check = new WebhookCrashCheck(jar);
        HttpServer receiver = check.receiver();
        boolean passed;
        try {
            passed = check.run(receiver.getAddress().getPort());
        } finally {
            receiver.stop(0);
            check.removeWorkDir();
        }
        System.exit(passed ? 0 : 1);
    }

    boolean run(int receiverPort) throws Exception {
        long started = System.nanoTime();
        Service service = start("first");
        String admin = mintAdminToken();
        String endpoint = field(send("POST", "/api/v1/admin/webhooks", admin, String.format(
                "{\"siteId\":\"default\",\"url\":\"http://127.0.0.1:%d/hook\",\"eventTypes\":%s}", receiverPort,
                send("GET", "/api/v1/admin/webhooks/event-types", admin, null).body()), 201), "id");

        List<String> comments = new ArrayList<>();
        for (int c = 0; c < COMMENTS; c++) {
            String comment = field(send("POST", "/api/v1/comments", null, String.format("{\"articleId\":\"crash\","
                    + "\"authorId\":\"author-%d\",\"authorName\":\"Author %d\",\"body\":\"A fine point, number %d.\"}",
                    c, c, c), 201), "id");
            comments.add(comment);
            for (int r = 0; r < REPORTS_PER_COMMENT; r++) {
                send("POST", "/api/v1/comments/" + comment + "/reports", null,
                        "{\"reporterId\":\"reader-" + r + "\",\"reason\":\"rude\"}", 201);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (distinctArrived.size() < KILL_AFTER_RECEIVED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long postmaster = postmasterPid();
        service.process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed, deliveries cut off
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
        service.process.waitFor();
        int atKill = distinctArrived.size();
        System.out.printf("killed the service and PostgreSQL (pid %d) with SIGKILL after %d event ids arrived%n",
                postmaster, atKill);

        Service restarted = start("restart");
        try {
            List<Map<String, String>> deliveries = awaitAllDelivered(admin, endpoint);
            List<String> expected = deliveries.stream().map(d -> d.get("eventId")).toList();
            List<String> missing = expected.stream().filter(id -> !distinctArrived.contains(id)).toList();
            List<String> outOfOrder = outOfOrder();
            long undelivered = deliveries.stream().filter(d -> !"DELIVERED".equals(d.get("state"))).count();
            System.out.printf("webhook-crash: comments=%d events=%d arrived-before-kill=%d arrived=%d (requests %d, "
                    + "duplicates %d) missing=%d not-delivered=%d out-of-order-comments=%d in %d s%n",
                    comments.size(), expected.size(), atKill, distinctArrived.size(), arrivals.size(),
                    arrivals.size() - distinctArrived.size(), missing.size(), undelivered, outOfOrder.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            if (atKill >= expected.size()) {
                return restarted.failWith("every event had arrived before the kill: it did not land mid-delivery");
            }
            if (expected.size() < COMMENTS * (1 + REPORTS_PER_COMMENT)) {
                return restarted.failWith("fewer deliveries than events sent: " + expected.size());
            }
            if (!missing.isEmpty() || undelivered > 0) {
                return restarted.failWith("events lost: " + missing);
            }
            return outOfOrder.isEmpty() || restarted.failWith("events out of order for comments " + outOfOrder);
        } finally {
            restarted.stop();
        }
    }

    /** The receiver: records each request, answers 200 after {@link #RECEIVER_DELAY}. */
    HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> event = fields(body);
            arrivals.add(new Arrival(event.get("id"), event.get("commentId"), Long.parseLong(event.get("sequence"))));
            distinctArrived.add(event.get("id"));
            try {
                Thread.sleep(RECEIVER_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Comments whose events did not first arrive in the order of their sequence. */
    List<String> outOfOrder() {
        Map<String, List<Long>> firstArrivals = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Arrival arrival : arrivals) {
            if (seen.add(arrival.eventId())) {
                firstArrivals.computeIfAbsent(arrival.commentId(), c -> new ArrayList<>()).add(arrival.sequence());
            }
        }
        return firstArrivals.entrySet().stream()
                .filter(e -> !e.getValue().equals(e.getValue().stream().sorted().toList()))
                .map(Map.Entry::getKey).toList();
    }

    /** The endpoint's delivery log once nothing is pending any more (or the bound is reached). */
    List<Map<String, String>> awaitAllDelivered(String admin, String endpoint) throws Exception {
        long deadline = System.nanoTime() + DELIVERED_WITHIN.toNanos();
        while (true) {
            String log = send("GET", "/api/v1/admin/webhooks/" + endpoint + "/deliveries?limit=500", admin, null).body();
            List<Map<String, String>> deliveries = new ArrayList<>();
            // One delivery per top-level object; its attempts come after its own fields and are skipped.
            for (String object : log.split("\\{\"id\"")) {
                if (object.contains("\"eventId\"")) {
                    deliveries.add(fields("{\"id\"" + object));
                }
            }
            boolean pending = deliveries.stream().anyMatch(d -> "PENDING".equals(d.get("state")));
            if (!pending || System.nanoTime() > deadline) {
                return deliveries;
            }
            Thread.sleep(500);
        }
    }

    static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(json);
        while (field.find()) {
            fields.putIfAbsent(field.group(1), field.group(2));
        }
        return fields;
    }

    static String field(HttpResponse<String> response, String name) {
        String value = fields(response.body()).get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in " + response.body());
        }
        return value;
    }

    HttpResponse<String> send(String method, String path, String token, String json, int expectedStatus)
            throws Exception {
        HttpResponse<String> response = send(method, path, token, json);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With the key pair the service generated in its first start (scripts/MintToken.java). */
    String mintAdminToken() throws Exception {
        Process mint = new ProcessBuilder("java", "scripts/MintToken.java", "webhook-crash-check", "admin", "1",
                workDir.resolve("jwt/private-key.pem").toString()).redirectErrorStream(true).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!mint.waitFor(60, TimeUnit.SECONDS) || mint.exitValue() != 0) {
            throw new IllegalStateException("MintToken failed: " + token);
        }
        return token;
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    record Service(Process process, Path log) {
        boolean failWith(String reason) {
            System.out.printf("FAILED: %s%n--- %s ends with:%n", reason, log.getFileName());
            try (Stream<String> lines = Files.lines(log)) {
                List<String> all = lines.toList();
                all.subList(Math.max(0, all.size() - 40), all.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("(unreadable: " + e.getMessage() + ")");
            }
            return false;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** As DurabilityCheck starts it, with loopback webhook targets allowed and quick retries. */
    Service start(String name) throws Exception {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("MODERATION_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        env.put("MODERATION_JWT_KEY_DIR", workDir.resolve("jwt").toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MODERATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("MODERATION_WEBHOOKS_INITIAL_BACKOFF", "500ms");
        env.put("MODERATION_WEBHOOKS_MAX_BACKOFF", "2s");
        Process process = builder.start();
        Service service = new Service(process, log);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                service.failWith("the service exited during start-up");
                throw new IllegalStateException("The service exited during start-up");
            }
            try {
                if (send("GET", "/q/health/ready", null, null).statusCode() == 200) {
                    System.out.printf("%s start: ready on port %d%n", name, port);
                    return service;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        service.failWith("not ready within " + READY_WITHIN);
        throw new IllegalStateException("The service was not ready within " + READY_WITHIN);
    }

    /** Kills whatever PostgreSQL is left on the data directory, then deletes the whole temporary directory. */
    void removeWorkDir() throws IOException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            ProcessHandle.of(postmasterPid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
