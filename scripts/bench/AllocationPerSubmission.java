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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * What one submission costs the service and its database, in figures that depend little on the machine's load: the
 * bytes the service's threads allocate per {@code POST /api/v1/comments} (com.sun.management.ThreadMXBean, read
 * through the Attach API before and after); the CPU time the service spends per submission, in all (the process's,
 * JIT compilers and GC included) and by kind of thread, and its threads' context switches (/proc/PID/task/TID/status);
 * the CPU time of PostgreSQL's processes per comment (/proc: the postmaster and its children, those that ended
 * meanwhile included); and the write-ahead log, rows and index entries PostgreSQL writes per comment
 * (pg_current_wal_lsn, the tables' row counts, pg_index).
 * <p>
 * The service must be running (scripts/bench/allocation.sh starts the packaged one on a fresh embedded database).
 * This program sends WARMUP comments first (the JIT compiles the path, escape analysis included), then COMMENTS
 * comments from CLIENTS concurrent clients, the texts of scripts/bench/texts.lua in turn as comments.lua sends them,
 * and measures only the second part. The threads of the attach connection itself (RMI, JMX) are not counted. With a
 * RATE, the measured comments are sent at that many a second in all (each client on a fixed schedule), so that
 * batches, wake-ups and context switches are those of that load whatever the machine's speed; without one (0), each
 * client sends its next comment as soon as the last is answered.
 * <p>
 * Usage: java scripts/bench/AllocationPerSubmission.java SERVICE-PID URL PG-PORT [COMMENTS [WARMUP [CLIENTS [RATE]]]]
 */
public class AllocationPerSubmission {

    static final Pattern TEXT = Pattern.compile("^\\s*\"(.*)\",?\\s*$");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java scripts/bench/AllocationPerSubmission.java SERVICE-PID URL PG-PORT "
                    + "[COMMENTS [WARMUP [CLIENTS [RATE]]]]");
            System.exit(2);
        }
        String pid = args[0];
        URI comments = URI.create(args[1] + "/api/v1/comments");
        String pgPort = args[2];
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 40_000;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        List<String> texts = texts(Path.of("scripts/bench/texts.lua"));

        VirtualMachine vm = VirtualMachine.attach(pid);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            OperatingSystemMXBean process = ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                    OperatingSystemMXBean.class);
            long postmaster = Processes.postmaster(pgPort);
            Load load = new Load(comments, texts, clients);
            load.send(warmup, 0, 0);
            // The first change of a page after a checkpoint writes the whole page to the WAL: a checkpoint now, so
            // that one does not fall into some measurements and not others (the next is minutes away).
            psql(pgPort, "CHECKPOINT");
            Map<Long, ThreadAllocation> before = allocations(threads);
            Database atStart = Database.read(pgPort);
            Map<String, long[]> switchesBefore = Processes.contextSwitches(pid);
            Map<String, Long> databaseCpuBefore = Processes.cpuNanosWithChildren(postmaster);
            long cpuBefore = process.getProcessCpuTime();
            long failedBefore = load.failed.get();
            long started = System.nanoTime();
            load.send(count, warmup, rate);
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpuAfter = process.getProcessCpuTime();
            Map<String, Long> databaseCpuAfter = Processes.cpuNanosWithChildren(postmaster);
            Map<String, long[]> switchesAfter = Processes.contextSwitches(pid);
            Map<Long, ThreadAllocation> after = allocations(threads);
            Database atEnd = Database.read(pgPort);
            load.stop();
            long failed = load.failed.get() - failedBefore;
            long stored = atEnd.comments - atStart.comments;

            System.out.printf("%d comments sent by %d clients after %d of warm-up, %.1f s (%.0f a second), %d not "
                    + "answered 201; %d stored%n", count, clients, warmup, seconds, count / seconds, failed, stored);
            report(before, after, count);
            System.out.printf("service: %,.1f µs CPU per submission (the process: JIT compilers and GC included)%n",
                    (cpuAfter - cpuBefore) / 1e3 / count);
            reportCpu(before, after, count);
            Processes.reportContextSwitches(switchesBefore, switchesAfter, count);
            Processes.reportDatabaseCpu(databaseCpuBefore, databaseCpuAfter, stored);
            atEnd.reportSince(atStart, stored);
        } finally {
            vm.detach();
        }
    }

    /** The bytes each thread allocated since it started, by thread id, without the attach connection's threads. */
    static Map<Long, ThreadAllocation> allocations(ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long[] cpu = threads.getThreadCpuTime(ids);
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
            allocations.put(ids[i], new ThreadAllocation(name, bytes[i], Math.max(cpu[i], 0)));
        }
        return allocations;
    }

    /** What a thread has allocated and the CPU time it has used since it started. */
    record ThreadAllocation(String name, long bytes, long cpuNanos) {

        /** Its name without its numbers: the kind of thread. */
        String kind() {
            return name.replaceAll("\\d+", "#");
        }
    }

    /** Bytes per submission, in all and by kind of thread (a thread's name without its number). */
    static void report(Map<Long, ThreadAllocation> before, Map<Long, ThreadAllocation> after, int count) {
        Map<String, Long> byKind = new TreeMap<>();
        long total = 0;
        for (var entry : after.entrySet()) {
            ThreadAllocation earlier = before.get(entry.getKey());
            long bytes = entry.getValue().bytes() - (earlier == null ? 0 : earlier.bytes());
            total += bytes;
            byKind.merge(entry.getValue().kind(), bytes, Long::sum);
        }
        int ended = (int) before.keySet().stream().filter(id -> !after.containsKey(id)).count();
        System.out.printf("service: %,d bytes allocated per submission (%d threads ended meanwhile, not counted)%n",
                total / count, ended);
        byKind.entrySet().stream().filter(kind -> kind.getValue() / count >= 100)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(kind -> System.out.printf("  %-50s %,10d bytes/submission%n", kind.getKey(),
                        kind.getValue() / count));
    }

    /**
     * CPU time per submission by kind of thread (the Java threads only: the JIT compilers and GC threads are not Java
     * threads, so the kinds add up to less than the process).
     */
    static void reportCpu(Map<Long, ThreadAllocation> before, Map<Long, ThreadAllocation> after, int count) {
        Map<String, Long> byKind = new TreeMap<>();
        for (var entry : after.entrySet()) {
            ThreadAllocation earlier = before.get(entry.getKey());
            byKind.merge(entry.getValue().kind(),
                    entry.getValue().cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos()), Long::sum);
        }
        byKind.entrySet().stream().filter(kind -> kind.getValue() / count >= 1_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(kind -> System.out.printf("  %-50s %,10.1f µs/submission%n", kind.getKey(),
                        kind.getValue() / 1e3 / count));
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

        /**
         * Sends comments {@code first} to {@code first + count - 1}, {@code rate} a second in all (0: as fast as they
         * are answered), and returns once every one is answered.
         */
        void send(int count, int first, double rate) throws Exception {
            AtomicInteger next = new AtomicInteger(first);
            int end = first + count;
            // Each client on a schedule of its own, the clients' schedules evenly staggered; a late client catches up.
            long interval = rate > 0 ? (long) (clientCount * 1e9 / rate) : 0;
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                long offset = interval * c / clientCount;
                running.add(clients.submit(() -> {
                    long due = start + offset;
                    for (int n = next.getAndIncrement(); n < end; n = next.getAndIncrement()) {
                        if (interval > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            due += interval;
                        }
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
    /** {@code transactions}: the transactions that wrote the comments (a batch's rows share theirs, their xmin). */
    record Database(String pgPort, String walLsn, long comments, long transactions, Map<String, Long> rows) {

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
            long transactions = Long.parseLong(psql(pgPort, "SELECT count(DISTINCT xmin::text) FROM comment").get(0));
            return new Database(pgPort, lsn, rows.get("comment"), transactions, rows);
        }

        /** Per stored comment: WAL bytes, rows added by table, and the index entries those rows wrote. */
        void reportSince(Database start, long stored) throws Exception {
            long wal = Long.parseLong(psql(pgPort,
                    "SELECT pg_wal_lsn_diff('" + walLsn + "', '" + start.walLsn + "')::bigint").get(0));
            System.out.printf("database: %.2f comments per transaction (batch)%n",
                    (double) stored / Math.max(transactions - start.transactions, 1));
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

    /** CPU time and context switches of processes and threads, from Linux's /proc. */
    static final class Processes {

        static final long TICK_NANOS = 1_000_000_000L / clockTicksPerSecond();

        /** PostgreSQL's postmaster: the first line of postmaster.pid in its data directory. */
        static long postmaster(String pgPort) throws Exception {
            Path dataDirectory = Path.of(psql(pgPort, "SHOW data_directory").get(0).trim());
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        }

        /**
         * The CPU time of the process and of its children so far, by kind: the postmaster itself, the children running
         * (PostgreSQL's backends and background processes, by their process title) and those that ended and were
         * waited for (its cutime and cstime).
         */
        static Map<String, Long> cpuNanosWithChildren(long parent) throws IOException {
            Map<String, Long> byKind = new TreeMap<>();
            String[] own = stat(Path.of("/proc", Long.toString(parent), "stat"));
            byKind.put("postmaster", ticks(own, 13) + ticks(own, 14));
            byKind.put("ended children", ticks(own, 15) + ticks(own, 16));
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] fields = stat(process.resolve("stat"));
                        if (Long.parseLong(fields[3]) == parent) {
                            byKind.merge(title(process), ticks(fields, 13) + ticks(fields, 14), Long::sum);
                        }
                    } catch (IOException ended) {
                        // ended meanwhile: its time is in the parent's cutime, cstime
                    }
                }
            }
            return byKind;
        }

        static long ticks(String[] stat, int field) {
            return Long.parseLong(stat[field]) * TICK_NANOS;
        }

        /** A PostgreSQL process's kind: its title without "postgres: ", a backend's (user, database, client) as one. */
        static String title(Path process) throws IOException {
            String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim()
                    .replaceFirst("^postgres: ", "");
            return title.contains("(") ? "backends" : title;
        }

        /** CPU time per comment, in all and by kind of process. */
        static void reportDatabaseCpu(Map<String, Long> before, Map<String, Long> after, long comments) {
            long total = after.values().stream().mapToLong(Long::longValue).sum()
                    - before.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("database: %,.1f µs CPU per comment (PostgreSQL's processes)%n",
                    total / 1e3 / Math.max(comments, 1));
            after.forEach((kind, nanos) -> {
                long used = nanos - before.getOrDefault(kind, 0L);
                if (used * 100 >= total && used > 0) {
                    System.out.printf("  %-50s %,10.1f µs/comment%n", kind, used / 1e3 / comments);
                }
            });
        }

        /** The fields of a /proc stat file after the command name (which may hold spaces), numbered from 0 = pid. */
        static String[] stat(Path file) throws IOException {
            String line = Files.readString(file);
            String afterName = line.substring(line.lastIndexOf(')') + 2);
            String[] rest = afterName.trim().split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = "";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        }

        /** Voluntary and involuntary context switches of the process's threads so far, by thread id. */
        static Map<String, long[]> contextSwitches(String pid) throws IOException {
            Map<String, long[]> switches = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        long voluntary = 0;
                        long involuntary = 0;
                        for (String line : Files.readAllLines(task.resolve("status"))) {
                            if (line.startsWith("voluntary_ctxt_switches:")) {
                                voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                                involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            }
                        }
                        String name = Files.readString(task.resolve("comm")).trim();
                        switches.put(task.getFileName() + " " + name, new long[] {voluntary, involuntary});
                    } catch (IOException ended) {
                        // ended meanwhile
                    }
                }
            }
            return switches;
        }

        /** Context switches per submission, in all and by kind of thread (its name: 15 characters, unnumbered). */
        static void reportContextSwitches(Map<String, long[]> before, Map<String, long[]> after, int count) {
            Map<String, long[]> byKind = new TreeMap<>();
            long[] total = new long[2];
            after.forEach((task, switches) -> {
                long[] earlier = before.getOrDefault(task, new long[2]);
                long[] kind = byKind.computeIfAbsent(task.substring(task.indexOf(' ') + 1).replaceAll("\\d+", "#"),
                        name -> new long[2]);
                for (int i = 0; i < 2; i++) {
                    kind[i] += switches[i] - earlier[i];
                    total[i] += switches[i] - earlier[i];
                }
            });
            System.out.printf("service: %.2f context switches per submission (%.2f voluntary: waits; %.2f "
                    + "involuntary: preempted)%n", (total[0] + total[1]) / (double) count, total[0] / (double) count,
                    total[1] / (double) count);
            byKind.entrySet().stream().filter(kind -> (kind.getValue()[0] + kind.getValue()[1]) * 100 >= count)
                    .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1],
                            a.getValue()[0] + a.getValue()[1]))
                    .forEach(kind -> System.out.printf("  %-50s %10.2f voluntary, %.2f involuntary per submission%n",
                            kind.getKey(), kind.getValue()[0] / (double) count, kind.getValue()[1] / (double) count));
        }

        static int clockTicksPerSecond() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                return Integer.parseInt(new String(getconf.getInputStream().readAllBytes()).trim());
            } catch (IOException | NumberFormatException e) {
                return 100;
            }
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
