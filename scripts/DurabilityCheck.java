import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves that a 201 means durable: starts the packaged service on a fresh embedded database, sends comments from
 * several concurrent clients, kills the service with SIGKILL in the middle, restarts it on the same data directory
 * and checks that every acknowledged comment is there, with its body.
 *
 * Usage: java scripts/DurabilityCheck.java [path/to/quarkus-run.jar]   (loopback only, bounded in count and time)
 */
public class DurabilityCheck {

    static final int CLIENTS = 8;
    static final int COMMENTS_PER_CLIENT = 500;
    static final int KILL_AFTER_ACKNOWLEDGED = 2000;
    static final int PORT = 18431;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        Path dataDir = Files.createTempDirectory("durability-check-").resolve("postgres");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        Process service = start(jar, dataDir, "first");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; i < COMMENTS_PER_CLIENT; i++) {
                    String body = "Comment " + i + " from client " + client + ", a fine point well made.";
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = http.send(post("/api/v1/comments", comment(client, body)),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            Matcher id = ID.matcher(response.body());
                            if (id.find()) {
                                acknowledged.put(id.group(1), body);
                            }
                        }
                    } catch (IOException e) {
                        return null; // the service is gone: this client stops
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && !clients.isTerminated()) {
            Thread.sleep(5);
            if (clients.awaitTermination(0, TimeUnit.MILLISECONDS)) {
                break;
            }
        }
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful anything
        service.waitFor();
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        System.out.printf("killed with SIGKILL after %d comments sent, %d acknowledged with 201%n", sent.get(),
                acknowledged.size());

        Process restarted = start(jar, dataDir, "restart");
        int found = 0;
        try {
            for (Map.Entry<String, String> comment : acknowledged.entrySet()) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri("/api/v1/comments/" + comment.getKey())).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(comment.getValue())) {
                    found++;
                }
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        int lost = acknowledged.size() - found;
        System.out.printf("durability: acknowledged=%d found=%d lost=%d%n", acknowledged.size(), found, lost);
        System.exit(lost == 0 && acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED ? 0 : 1);
    }

    static Process start(Path jar, Path dataDir, String name) throws Exception {
        Path log = dataDir.getParent().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MODERATION_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(PORT));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("%s start: ready (log in %s)%n", name, log);
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within 90 s; see " + log);
    }

    static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String comment(int client, String body) {
        return String.format("{\"articleId\":\"durability\",\"authorId\":\"client-%d\",\"authorName\":\"Client %d\","
                + "\"body\":\"%s\"}", client, client, body);
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }
}
