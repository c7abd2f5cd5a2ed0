import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two instances of the packaged service on one PostgreSQL (started by run.sh beside this file), as replicas behind
 * a Kubernetes Service would be. Shows, with figures:
 * (a) a rules change reaches both instances, and how long it took on each;
 * (b) moderators claiming queue items through both instances at once never get the same item, and none is lost;
 * (c) under load on both, one instance killed with SIGKILL loses no comment that either instance answered 201.
 *
 * Usage: java ScaleOut.java JAR JDBC_URL RULES_DIR WORK_DIR   (loopback only, bounded in count and time)
 */
public class ScaleOut {

    static final int[] PORTS = {18081, 18082};
    static final int CLIENTS = 8;
    static final int COMMENTS_PER_CLIENT = 300;
    static final int KILL_AFTER_ACKNOWLEDGED = 600;
    static final Duration READY_WITHIN = Duration.ofSeconds(120);
    static final Duration RULES_REACH_WITHIN = Duration.ofSeconds(30);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** In a claim's answer, each item's comment id: {"comment":{"id":"…". */
    static final Pattern CLAIMED_ID = Pattern.compile("\"comment\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final int CLAIMED_COMMENTS = 60;
    static final int MODERATORS = 6;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String jdbcUrl = args[1];
        Path rulesDir = Path.of(args[2]);
        Path workDir = Path.of(args[3]);
        Path publicKey = writeKeyPair(workDir);

        List<Instance> instances = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> instances.forEach(i -> i.process.destroyForcibly())));
        long startedAt = System.nanoTime();
        // Both start at once against an empty database: Flyway's advisory lock lets one migrate, the other wait.
        for (int port : PORTS) {
            instances.add(Instance.start(jar, port, jdbcUrl, rulesDir, publicKey, workDir));
        }
        for (Instance instance : instances) {
            instance.awaitReady(startedAt);
        }

        boolean rulesReachBoth = rulesChangeReachesBoth(instances, rulesDir);
        boolean claimsDisjoint = claimsThroughBothAreDisjoint(instances, workDir);
        boolean nothingLost = killUnderLoadLosesNothing(instances.get(0), instances.get(1));

        int passed = (rulesReachBoth ? 1 : 0) + (claimsDisjoint ? 1 : 0) + (nothingLost ? 1 : 0);
        System.out.printf("scale-out: %d passed, %d failed%n", passed, 3 - passed);
        if (passed < 3) {
            instances.forEach(Instance::printLogTail);
        }
        System.exit(passed == 3 ? 0 : 1);
    }

    /** (a) A new rule file with a made-up word, written atomically as a ConfigMap update would be. */
    static boolean rulesChangeReachesBoth(List<Instance> instances, Path rulesDir) throws Exception {
        String word = "zorblax" + Long.toString(System.nanoTime() % 100000, 36);
        String text = "what a " + word + " you are";
        for (Instance instance : instances) {
            String decision = instance.decision(text);
            if (decision.equals("REJECT")) {
                System.out.printf("scale-out: rules: %s already rejects the made-up word before the change%n",
                        instance);
                return false;
            }
        }
        String rule = """
                # Added by scripts/scale-out: a made-up word, to see a rules change reach every instance.
                language: any
                category: obscene
                rules:
                  - id: any.obscene.scale-out-probe
                    severity: high
                    description: A made-up word that exists only for this check.
                    terms: [%s]
                    examples:
                      match: ["what a %s you are"]
                      noMatch: ["what a fine day it is"]
                """.formatted(word, word);
        Path staged = Files.writeString(rulesDir.getParent().resolve("scale-out-probe.yaml.tmp"), rule);
        Files.move(staged, rulesDir.resolve("scale-out-probe.yaml"), StandardCopyOption.ATOMIC_MOVE);
        long changedAt = System.nanoTime();

        boolean all = true;
        for (Instance instance : instances) {
            long reachedAt = -1;
            while (System.nanoTime() - changedAt < RULES_REACH_WITHIN.toNanos()) {
                if (instance.decision(text).equals("REJECT")) {
                    reachedAt = System.nanoTime();
                    break;
                }
                Thread.sleep(50);
            }
            if (reachedAt < 0) {
                System.out.printf("scale-out: rules: the change did NOT reach %s within %d s%n", instance,
                        RULES_REACH_WITHIN.toSeconds());
                all = false;
            } else {
                System.out.printf("scale-out: rules: the change reached %s after %d ms (reload interval 1 s)%n",
                        instance, TimeUnit.NANOSECONDS.toMillis(reachedAt - changedAt));
            }
        }
        return all;
    }

    /**
     * (b) Held comments, then moderators claiming small batches at the same time, each through both instances in
     * turn, until the queue is empty: no item may be handed out twice, and every held comment must be handed out.
     */
    static boolean claimsThroughBothAreDisjoint(List<Instance> instances, Path workDir) throws Exception {
        Set<String> held = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < CLAIMED_COMMENTS; i++) {
            HttpResponse<String> response = instances.get(i % 2).post("/api/v1/comments", String.format(
                    "{\"articleId\":\"scale-out-claims\",\"authorId\":\"claims-%d\",\"authorName\":\"C\","
                            + "\"body\":\"You are an idiot, %d.\"}", i, i));
            if (response.statusCode() != 201 || !response.body().contains("PENDING_REVIEW")) {
                System.out.println("scale-out: claims: expected a held comment, got " + response.body());
                return false;
            }
            Matcher id = ID.matcher(response.body());
            id.find();
            held.add(id.group(1));
        }
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService moderators = Executors.newFixedThreadPool(MODERATORS);
        List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
        for (int m = 0; m < MODERATORS; m++) {
            String name = "moderator-" + m;
            String token = mintToken(name, workDir);
            runs.add(moderators.submit(() -> {
                for (int round = 0; ; round++) {
                    Instance through = instances.get(round % 2);
                    HttpResponse<String> response = through.post("/api/v1/moderation/queue/claim", "{\"limit\":3}",
                            token);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(through + " answered a claim with " + response.statusCode());
                    }
                    Matcher id = CLAIMED_ID.matcher(response.body());
                    if (!id.find()) {
                        return null; // the queue is empty
                    }
                    do {
                        if (claimedBy.putIfAbsent(id.group(1), name) != null) {
                            duplicates.incrementAndGet();
                        }
                    } while (id.find());
                }
            }));
        }
        for (java.util.concurrent.Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
        moderators.shutdown();
        long missing = held.stream().filter(id -> !claimedBy.containsKey(id)).count();
        System.out.printf("scale-out: claims: %d moderators through both instances: %d held comments, %d claimed, "
                + "%d handed out twice, %d never handed out%n", MODERATORS, held.size(), claimedBy.size(),
                duplicates.get(), missing);
        return duplicates.get() == 0 && missing == 0;
    }

    /** Mints a moderator token with the project's own command, signed by the key the instances verify with. */
    static String mintToken(String name, Path workDir) throws Exception {
        Process mint = new ProcessBuilder("java", "scripts/MintToken.java", name, "moderator", "1",
                workDir.resolve("private-key.pem").toString()).redirectErrorStream(true).start();
        String token = new String(mint.getInputStream().readAllBytes()).trim();
        if (mint.waitFor() != 0) {
            throw new IllegalStateException("MintToken failed: " + token);
        }
        return token;
    }

    /** (c) Clients post to both instances; the second is killed with SIGKILL; the first must have every 201. */
    static boolean killUnderLoadLosesNothing(Instance survivor, Instance victim) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<Instance, AtomicInteger> acknowledgedBy = Map.of(survivor, new AtomicInteger(), victim,
                new AtomicInteger());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; i < COMMENTS_PER_CLIENT; i++) {
                    Instance target = (i + client) % 2 == 0 ? survivor : victim; // both, alternately
                    String body = "Comment " + i + " from client " + client + " via " + target + ", fair point.";
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = target.post("/api/v1/comments", comment(client, body));
                        Matcher id = ID.matcher(response.body());
                        if (response.statusCode() == 201 && id.find()) {
                            acknowledged.put(id.group(1), body);
                            acknowledgedBy.get(target).incrementAndGet();
                        }
                    } catch (IOException refusedOrCut) {
                        // the killed instance: no 201, nothing promised; the client carries on with the next one
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && !clients.isTerminated()
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, no draining
        victim.process.waitFor();
        int atKill = acknowledged.size();
        if (!clients.awaitTermination(180, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            System.out.println("scale-out: kill -9: the load did not finish within its time bound");
            return false;
        }
        System.out.printf("scale-out: kill -9: %s killed after %d acknowledgements; %d comments sent in all, "
                + "201 from %s: %d, from %s: %d%n", victim, atKill, sent.get(), survivor,
                acknowledgedBy.get(survivor).get(), victim, acknowledgedBy.get(victim).get());

        int found = 0;
        for (Map.Entry<String, String> comment : acknowledged.entrySet()) {
            HttpResponse<String> response = survivor.get("/api/v1/comments/" + comment.getKey());
            if (response.statusCode() == 200 && response.body().contains(comment.getValue())) {
                found++;
            }
        }
        int lost = acknowledged.size() - found;
        System.out.printf("scale-out: kill -9: acknowledged=%d found=%d lost=%d (read back from %s)%n",
                acknowledged.size(), found, lost, survivor);
        // Vacuous unless the killed instance had acknowledged comments of its own before it died.
        return lost == 0 && acknowledgedBy.get(victim).get() > 0 && atKill >= KILL_AFTER_ACKNOWLEDGED;
    }

    static String comment(int client, String body) {
        return String.format("{\"articleId\":\"scale-out\",\"authorId\":\"client-%d\",\"authorName\":\"Client %d\","
                + "\"body\":\"%s\"}", client, client, body);
    }

    /**
     * The instances verify moderator tokens with a mounted key in production; here a fresh pair: the public half for
     * the instances, the private half for minting the moderators' tokens. Returns the public key's file.
     */
    static Path writeKeyPair(Path workDir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(workDir.resolve("private-key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return Files.writeString(workDir.resolve("public-key.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    record Instance(int port, Process process, Path log) {

        static Instance start(Path jar, int port, String jdbcUrl, Path rulesDir, Path publicKey, Path workDir)
                throws IOException {
            Path log = workDir.resolve("instance-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", "moderation");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "unused-trust-auth-on-loopback");
            env.put("MODERATION_RULES_DIR", rulesDir.toString());
            env.put("MODERATION_RULES_RELOAD_INTERVAL", "1s");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            return new Instance(port, builder.start(), log);
        }

        void awaitReady(long startedAt) throws Exception {
            long deadline = startedAt + READY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    printLogTail();
                    throw new IllegalStateException(this + " exited during start-up");
                }
                try {
                    if (get("/q/health/ready").statusCode() == 200) {
                        System.out.printf("scale-out: %s ready %d ms after both were started%n", this,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            printLogTail();
            throw new IllegalStateException(this + " was not ready within " + READY_WITHIN.toSeconds() + " s");
        }

        String decision(String text) throws Exception {
            String body = post("/api/v1/check", "{\"text\":\"" + text + "\"}").body();
            Matcher decision = Pattern.compile("\"decision\"\\s*:\\s*\"(\\w+)\"").matcher(body);
            if (!decision.find()) {
                throw new IllegalStateException(this + " answered /api/v1/check without a decision: " + body);
            }
            return decision.group(1);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)), json);
        }

        HttpResponse<String> post(String path, String json, String bearerToken)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearerToken), json);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String json)
                throws IOException, InterruptedException {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void printLogTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                System.out.printf("---- last lines of %s's log ----%n", this);
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("(no log for " + this + ": " + e.getMessage() + ")");
            }
        }

        @Override
        public String toString() {
            return "instance :" + port;
        }
    }
}
