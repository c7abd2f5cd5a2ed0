import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * What one submission costs the service and its database, in figures that do not depend on the machine's load: the
 * bytes the service's threads allocate per {@code POST /api/v1/comments} (com.sun.management.ThreadMXBean, read
 * through the Attach API before and after), and the write-ahead log, rows and index entries PostgreSQL writes per
 * comment (pg_current_wal_lsn, the tables' row counts, pg_index).
 * <p>
 * The service must be running (scripts/bench/allocation.sh starts the packaged one on a fresh embedded database).
 * This program sends WARMUP comments first (the JIT compiles the path, escape analysis included), then COMMENTS
 * comments from CLIENTS concurrent clients, the texts of scripts/bench/texts.lua in turn as comments.lua sends them,
 * and measures only the second part. The threads of the attach connection itself (RMI, JMX) are not counted.
 * <p>
 * Usage: java scripts/bench/AllocationPerSubmission.java SERVICE-PID URL PG-PORT [COMMENTS [WARMUP [CLIENTS]]]
 */
public class AllocationPerSubmission {

    static final Pattern TEXT = Pattern.compile("^\\s*\"(.*)\",?\\s*$");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java scripts/bench/AllocationPerSubmission.java SERVICE-PID URL PG-PORT "
                    + "[COMMENTS [WARMUP [CLIENTS]]]");
            System.exit(2);
        }
        String pid = args[0];
        URI comments = URI.create(args[1] + "/api/v1/comments");
        String pgPort = args[2];
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 40_000;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        List<String> texts = texts(Path.of("scripts/bench/texts.lua"));

        VirtualMachine vm = VirtualMachine.attach(pid);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            Load load = new Load(comments, texts, clients);
            load.send(warmup, 0);
            // The first change of a page after a checkpoint writes the whole page to the WAL: a checkpoint now, so
            // that one does not fall into some measurements and not others (the next is minutes away).
            psql(pgPort, "CHECKPOINT");
            Map<Long, ThreadAllocation> before = allocations(threads);
            Database atStart = Database.read(pgPort);
            long failedBefore = load.failed.get();
            long started = System.nanoTime();
            load.send(count, warmup);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<Long, ThreadAllocation> after = allocations(threads);
            Database atEnd = Database.read(pgPort);
            load.stop();
            long failed = load.failed.get() - failedBefore;
            long stored = atEnd.comments - atStart.comments;

            System.out.printf("%d comments sent by %d clients after %d of warm-up, %.1f s, %d not answered 201; "
                    + "%d stored%n", count, clients, warmup, seconds, failed, stored);
            report(before, after, count);
            atEnd.reportSince(atStart, stored);
        } finally {
            vm.detach();
        }
    }

    /** The bytes each thread allocated since it started, by thread id, without the attach connection's threads. */
    static Map<Long, ThreadAllocation> allocations(ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, ThreadAllocation> allocations = new HashMap<>();
        var infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || bytes[i] < 0) {
                continue; // ended meanwhile
            }
            String name = infos[i].getThreadName();
            if (name.startsWith("RMI ") || name.startsWith("JMX ")) {
                continue;
            }
            allocations.put(ids[i], new ThreadAllocation(name, bytes[i]));
        }
        return allocations;
    }

    record ThreadAllocation(String name, long bytes) {
    }

    /** Bytes per submission, in all and by kind of thread (a thread's name without its number). */
    static void report(Map<Long, ThreadAllocation> before, Map<Long, ThreadAllocation> after, int count) {
        Map<String, Long> byKind = new TreeMap<>();
        long total = 0;
        for (var entry : after.entrySet()) {
            ThreadAllocation earlier = before.get(entry.getKey());
            long bytes = entry.getValue().bytes() - (earlier == null ? 0 : earlier.bytes());
            total += bytes;
            byKind.merge(entry.getValue().name().replaceAll("\\d+", "#"), bytes, Long::sum);
        }
        int ended = (int) before.keySet().stream().filter(id -> !after.containsKey(id)).count();
        System.out.printf("service: %,d bytes allocated per submission (%d threads ended meanwhile, not counted)%n",
                total / count, ended);
        byKind.entrySet().stream().filter(kind -> kind.getValue() / count >= 100)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(kind -> System.out.printf("  %-50s %,10d bytes/submission%n", kind.getKey(),
                        kind.getValue() / count));
    }

    static List<String> texts(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher text = TEXT.matcher(line);
            if (text.matches()) {
                texts.add(text.group(1));
            }
        }
        return texts;
    }

    /** Concurrent clients sending new comments as scripts/bench/comments.lua does (same fields, same texts). */
    static final class Load {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final URI comments;
        final List<String> texts;
        final ExecutorService clients;
        final int clientCount;
        final AtomicInteger failed = new AtomicInteger();

        Load(URI comments, List<String> texts, int clientCount) {
            this.comments = comments;
            this.texts = texts;
            this.clientCount = clientCount;
            this.clients = Executors.newFixedThreadPool(clientCount);
        }

        /** Sends comments {@code first} to {@code first + count - 1}, and returns once every one is answered. */
        void send(int count, int first) throws Exception {
            AtomicInteger next = new AtomicInteger(first);
            int end = first + count;
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                running.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < end; n = next.getAndIncrement()) {
                        HttpResponse<Void> response = http.send(request(n), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 201) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }

        HttpRequest request(int n) {
            String body = "{\"articleId\":\"bench-" + (n % 50) + "\",\"authorId\":\"reader-" + (n % 997)
                    + "\",\"authorName\":\"Bench Reader\",\"body\":\"" + texts.get(n % texts.size()) + "\"}";
            return HttpRequest.newBuilder(comments).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }

        void stop() {
            clients.shutdownNow();
        }
    }

    /** What PostgreSQL has written: its WAL position, the comments, and the rows of each table. */
    record Database(String pgPort, String walLsn, long comments, Map<String, Long> rows) {

        static Database read(String pgPort) throws Exception {
            String lsn = psql(pgPort, "SELECT pg_current_wal_lsn()").get(0);
            // Counted, not taken from pg_stat_user_tables, whose figures other backends flush with a delay.
            String tables = String.join(" UNION ALL ", psql(pgPort, "SELECT format('SELECT %L, count(*) FROM %I', "
                    + "tablename, tablename) FROM pg_tables WHERE schemaname = 'public'"));
            Map<String, Long> rows = new TreeMap<>();
            for (String line : psql(pgPort, tables)) {
                String[] columns = line.split("\\|");
                rows.put(columns[0], Long.parseLong(columns[1]));
            }
            return new Database(pgPort, lsn, rows.get("comment"), rows);
        }

        /** Per stored comment: WAL bytes, rows added by table, and the index entries those rows wrote. */
        void reportSince(Database start, long stored) throws Exception {
            long wal = Long.parseLong(psql(pgPort,
                    "SELECT pg_wal_lsn_diff('" + walLsn + "', '" + start.walLsn + "')::bigint").get(0));
            System.out.printf("database: %,d WAL bytes per comment%n", wal / Math.max(stored, 1));
            // An index with a predicate gets entries only for the rows that satisfy it: counted apart.
            Map<String, int[]> indexes = new HashMap<>();
            for (String line : psql(pgPort, "SELECT c.relname, count(*) FILTER (WHERE i.indpred IS NULL), "
                    + "count(*) FILTER (WHERE i.indpred IS NOT NULL) FROM pg_index i JOIN pg_class c ON c.oid = "
                    + "i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                    + "GROUP BY c.relname")) {
                String[] columns = line.split("\\|");
                indexes.put(columns[0], new int[] {Integer.parseInt(columns[1]), Integer.parseInt(columns[2])});
            }
            double entries = 0;
            for (var table : rows.entrySet()) {
                long rows = table.getValue() - start.rows.getOrDefault(table.getKey(), 0L);
                if (rows == 0) {
                    continue;
                }
                int[] counts = indexes.getOrDefault(table.getKey(), new int[2]);
                double perComment = (double) rows / stored;
                entries += perComment * counts[0];
                System.out.printf("  %-30s %5.2f rows/comment, %d indexes (+ %d partial)%n", table.getKey(),
                        perComment, counts[0], counts[1]);
            }
            System.out.printf("database: %.2f index entries per comment (without partial indexes)%n", entries);
        }
    }

    static List<String> psql(String pgPort, String query) throws Exception {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", pgPort, "-U", "postgres", "-d", "postgres",
                "-AtX", "-c", query).redirectErrorStream(true).start();
        List<String> lines = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + lines);
        }
        return lines;
    }
}
