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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.sun.net.httpserver.HttpServer;

/**
 * Proves that a 201 means durable, against the packaged service on a fresh embedded database in a temporary
 * directory (removed at the end), on a free loopback port, with comments sent by several concurrent clients.
 *
 * <ul>
 * <li>{@code crash} (default): the machine dies. The service's JVM and its PostgreSQL's postmaster are both killed
 * with SIGKILL mid-load; the service is started again on the same data directory (PostgreSQL recovers from its
 * write-ahead log) and every comment answered 201 must be there, with its body.</li>
 * <li>{@code postmaster}: the database dies under a live service. Only the postmaster is killed with SIGKILL
 * mid-load; meanwhile every answer must be a 201 or a 503 problem with Retry-After (never a 500, never a hang),
 * the service must restart its PostgreSQL and answer 201 again by itself within a bound, and every comment it
 * answered 201, before or after, must be there.</li>
 * <li>{@code webhooks}: deliveries survive the machine dying in their middle ({@link WebhookCrash}): every event
 * arrives at least once, each comment's in order.</li>
 * </ul>
 *
 * Usage: java scripts/DurabilityCheck.java [crash|postmaster|webhooks] [path/to/quarkus-run.jar]
 * (loopback only, bounded in count and time; exits non-zero on any failure)
 */
public class DurabilityCheck {

    static final int CLIENTS = 8;
    /** In the crash scenario; the postmaster scenario sends until it has seen the recovery. */
    static final int COMMENTS_PER_CLIENT = 500;
    static final int KILL_AFTER_ACKNOWLEDGED = 2000;
    /** In the postmaster scenario: comments acknowledged after recovery before the load stops. */
    static final int ACKNOWLEDGED_AFTER_RECOVERY = 200;
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    static final Duration READY_WITHIN = Duration.ofSeconds(90);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    final Path jar;
    /** Settings (environment variables) of the service beyond the data directory, key directory and port. */
    final Map<String, String> settings;
    final Path workDir;
    final Path dataDir;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    DurabilityCheck(Path jar, Map<String, String> settings) throws IOException {
        this.jar = jar;
        this.settings = settings;
        this.workDir = Files.createTempDirectory("durability-check-");
        this.dataDir = workDir.resolve("postgres");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        String scenario = arguments.stream().filter(a -> !a.endsWith(".jar")).findFirst().orElse("crash");
        Path jar = Path.of(arguments.stream().filter(a -> a.endsWith(".jar")).findFirst()
                .orElse("target/quarkus-app/quarkus-run.jar"));
        if (!List.of("crash", "postmaster", "webhooks").contains(scenario)) {
            System.err.println("usage: java scripts/DurabilityCheck.java [crash|postmaster|webhooks] "
                    + "[path/to/quarkus-run.jar]");
            System.exit(2);
        }
        DurabilityCheck check = new DurabilityCheck(jar,
                scenario.equals("webhooks") ? WebhookCrash.SETTINGS : Map.of());
        boolean passed;
        try {
            passed = switch (scenario) {
                case "crash" -> check.crash();
                case "postmaster" -> check.postmasterKill();
                default -> new WebhookCrash(check).run();
            };
        } finally {
            check.removeWorkDir();
        }
        System.exit(passed ? 0 : 1);
    }

    /** Both processes SIGKILLed mid-load, then a restart on the same data directory. */
    boolean crash() throws Exception {
        Service service = start("first");
        Load load = new Load(COMMENTS_PER_CLIENT, true);
        awaitAcknowledged(KILL_AFTER_ACKNOWLEDGED, load);
        long postmaster = postmasterPid();
        service.process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful anything
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly); // and the database with it
        service.process.waitFor();
        load.stop();
        System.out.printf("killed the service and PostgreSQL (pid %d) with SIGKILL after %d comments sent, %d "
                + "acknowledged with 201%n", postmaster, load.sent.get(), acknowledged.size());

        Service restarted = start("restart");
        try {
            int lost = countLost();
            System.out.printf("durability: acknowledged=%d found=%d lost=%d%n", acknowledged.size(),
                    acknowledged.size() - lost, lost);
            return lost == 0 && acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED || restarted.failWith("comments lost");
        } finally {
            restarted.stop();
        }
    }

    /** Only the postmaster SIGKILLed mid-load; the service must answer 503 meanwhile and recover by itself. */
    boolean postmasterKill() throws Exception {
        Service service = start("service");
        try {
            Load load = new Load(Integer.MAX_VALUE, false); // until stopped, within the bounds awaited below
            awaitAcknowledged(KILL_AFTER_ACKNOWLEDGED, load);
            long postmaster = postmasterPid();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            long killedAt = System.nanoTime();
            load.killedAt.set(killedAt);
            int atKill = acknowledged.size();
            System.out.printf("killed PostgreSQL's postmaster (pid %d) with SIGKILL after %d acknowledged%n",
                    postmaster, atKill);

            long deadline = killedAt + RECOVERY_BOUND.toNanos();
            while (load.firstAcknowledgedAfterKill.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            boolean recovered = load.firstAcknowledgedAfterKill.get() != 0;
            if (recovered) {
                awaitAcknowledged(atKill + ACKNOWLEDGED_AFTER_RECOVERY, load);
            }
            load.stop();
            int lost = countLost();
            System.out.printf("postmaster-kill: answers %s; 503 without Retry-After=%d; no answer=%d; recovered=%s "
                    + "in %s; acknowledged=%d found=%d lost=%d%n", load.statuses, load.withoutRetryAfter.get(),
                    load.noAnswer.get(), recovered,
                    recovered ? Duration.ofNanos(load.firstAcknowledgedAfterKill.get() - killedAt) : "-",
                    acknowledged.size(), acknowledged.size() - lost, lost);
            boolean onlyCreatedOrUnavailable = load.statuses.keySet().stream().allMatch(s -> s == 201 || s == 503);
            boolean unavailableSeen = load.statuses.containsKey(503);
            if (!onlyCreatedOrUnavailable || load.withoutRetryAfter.get() > 0 || load.noAnswer.get() > 0) {
                return service.failWith("answers other than 201 and 503 with Retry-After");
            }
            if (!unavailableSeen) {
                return service.failWith("no 503 while PostgreSQL was down: the fault was not exercised");
            }
            if (!recovered) {
                return service.failWith("no 201 within " + RECOVERY_BOUND + " of the kill");
            }
            return lost == 0 || service.failWith("comments lost");
        } finally {
            service.stop();
        }
    }

    /** Concurrent clients sending comments, recording every 201 and, in order, every other answer. */
    final class Load {
        final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final AtomicInteger withoutRetryAfter = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        final AtomicLong killedAt = new AtomicLong();
        final AtomicLong firstAcknowledgedAfterKill = new AtomicLong();

        /**
         * @param perClient how many comments each client sends at most (until {@link #stop()})
         * @param stopOnNoAnswer whether a client stops when the service is gone (it is killed on purpose)
         */
        Load(int perClient, boolean stopOnNoAnswer) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; i < perClient && !stopped.get(); i++) {
                        String body = "Comment " + i + " from client " + client + ", a fine point well made.";
                        long startedAt = System.nanoTime();
                        sent.incrementAndGet();
                        HttpResponse<String> response;
                        try {
                            response = http.send(post(comment(client, body)), HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            if (stopOnNoAnswer) {
                                return null; // the service is gone: this client stops
                            }
                            noAnswer.incrementAndGet();
                            continue;
                        }
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            Matcher id = ID.matcher(response.body());
                            if (id.find()) {
                                acknowledged.put(id.group(1), body);
                            }
                            long kill = killedAt.get();
                            if (kill != 0 && startedAt > kill) {
                                firstAcknowledgedAfterKill.compareAndSet(0, System.nanoTime());
                            }
                        } else if (response.statusCode() == 503) {
                            if (response.headers().firstValue("Retry-After").isEmpty()) {
                                withoutRetryAfter.incrementAndGet();
                            }
                            Thread.sleep(100); // a polite client backs off
                        }
                    }
                    return null;
                });
            }
        }

        boolean done() {
            return clients.isTerminated();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    void awaitAcknowledged(int count, Load load) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            load.clients.awaitTermination(5, TimeUnit.MILLISECONDS);
            if (load.done()) {
                break;
            }
        }
    }

    /** Every acknowledged comment read back through the API: those missing, or with another body, are lost. */
    int countLost() throws Exception {
        int found = 0;
        for (Map.Entry<String, String> comment : acknowledged.entrySet()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri("/api/v1/comments/" + comment.getKey())).timeout(REQUEST_TIMEOUT)
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(comment.getValue())) {
                found++;
            }
        }
        return acknowledged.size() - found;
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    record Service(Process process, Path log) {
        /** Prints the reason and the ends of the service's log and of its PostgreSQL's (beside the data directory). */
        boolean failWith(String reason) {
            System.out.printf("FAILED: %s%n", reason);
            for (Path file : List.of(log, log.resolveSibling("postgres.log"))) {
                System.out.printf("--- %s ends with:%n", file.getFileName());
                try (Stream<String> lines = Files.lines(file)) {
                    List<String> all = lines.toList();
                    // The first error, whose stack trace (the cause of an unexpected answer) may be far from the end.
                    all.stream().filter(line -> line.contains(" ERROR [")).findFirst().ifPresent(error -> {
                        int at = all.indexOf(error);
                        System.out.println("(first error)");
                        all.subList(at, Math.min(all.size(), at + 60)).forEach(System.out::println);
                        System.out.println("(last lines)");
                    });
                    all.subList(Math.max(0, all.size() - 40), all.size()).forEach(System.out::println);
                } catch (IOException e) {
                    System.out.println("(unreadable: " + e.getMessage() + ")");
                }
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

    Service start(String name) throws Exception {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MODERATION_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        builder.environment().put("MODERATION_JWT_KEY_DIR", workDir.resolve("jwt").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().putAll(settings);
        Process process = builder.start();
        Service service = new Service(process, log);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                service.failWith("the service exited during start-up");
                throw new IllegalStateException("The service exited during start-up");
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
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

    HttpRequest post(String json) {
        return HttpRequest.newBuilder(uri("/api/v1/comments")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String comment(int client, String body) {
        return String.format("{\"articleId\":\"durability\",\"authorId\":\"client-%d\",\"authorName\":\"Client %d\","
                + "\"body\":\"%s\"}", client, client, body);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

/**
 * Proves that webhook deliveries survive a crash in their middle (at least once, in order per comment), against the
 * packaged service on a fresh embedded database in a temporary directory (removed at the end), on a free loopback
 * port, with a receiver on loopback in this script. The approach of {@code crash}:
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
 * About a minute.
 */
class WebhookCrash {

    static final int COMMENTS = 60;
    static final int REPORTS_PER_COMMENT = 3;
    /** At least this many event ids arrive before the kill; the rest (most) are still owed. */
    static final int KILL_AFTER_RECEIVED = 40;
    /** The receiver's answer time: long enough that a kill lands among deliveries. */
    static final Duration RECEIVER_DELAY = Duration.ofMillis(15);
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(45);
    static final Pattern FIELD = Pattern.compile("\"(id|commentId|eventId|sequence|state|secret)\"\\s*:\\s*\"?([^\",}]*)");

    /** Every request the receiver got, in arrival order: event id, comment id, sequence. */
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    final Set<String> distinctArrived = ConcurrentHashMap.newKeySet();

    record Arrival(String eventId, String commentId, long sequence) {
    }

    /** The service delivers to the receiver on loopback, and retries soon after the restart. */
    static final Map<String, String> SETTINGS = Map.of("MODERATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
            "MODERATION_WEBHOOKS_INITIAL_BACKOFF", "500ms", "MODERATION_WEBHOOKS_MAX_BACKOFF", "2s");

    final DurabilityCheck check;

    WebhookCrash(DurabilityCheck check) {
        this.check = check;
    }

    /** Runs the scenario with its receiver, which is stopped at the end. */
    boolean run() throws Exception {
        HttpServer receiver = receiver();
        try {
            return run(receiver.getAddress().getPort());
        } finally {
            receiver.stop(0);
        }
    }

    boolean run(int receiverPort) throws Exception {
        long started = System.nanoTime();
        DurabilityCheck.Service service = check.start("first");
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
        long postmaster = check.postmasterPid();
        service.process().destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed, deliveries cut off
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
        service.process().waitFor();
        int atKill = distinctArrived.size();
        System.out.printf("killed the service and PostgreSQL (pid %d) with SIGKILL after %d event ids arrived%n",
                postmaster, atKill);

        DurabilityCheck.Service restarted = check.start("restart");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(check.uri(path))
                .timeout(DurabilityCheck.REQUEST_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return check.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With the key pair the service generated in its first start (scripts/MintToken.java). */
    String mintAdminToken() throws Exception {
        Process mint = new ProcessBuilder("java", "scripts/MintToken.java", "webhook-crash-check", "admin", "1",
                check.workDir.resolve("jwt/private-key.pem").toString()).redirectErrorStream(true).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!mint.waitFor(60, TimeUnit.SECONDS) || mint.exitValue() != 0) {
            throw new IllegalStateException("MintToken failed: " + token);
        }
        return token;
    }
}
