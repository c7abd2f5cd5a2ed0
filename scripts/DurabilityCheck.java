import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * </ul>
 *
 * Usage: java scripts/DurabilityCheck.java [crash|postmaster] [path/to/quarkus-run.jar]
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
    final Path workDir;
    final Path dataDir;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    DurabilityCheck(Path jar) throws IOException {
        this.jar = jar;
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
        if (!scenario.equals("crash") && !scenario.equals("postmaster")) {
            System.err.println("usage: java scripts/DurabilityCheck.java [crash|postmaster] [path/to/quarkus-run.jar]");
            System.exit(2);
        }
        DurabilityCheck check = new DurabilityCheck(jar);
        boolean passed;
        try {
            passed = scenario.equals("crash") ? check.crash() : check.postmasterKill();
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
