package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * What the service allocates per submission without an Idempotency-Key, on the threads that serve it (the HTTP event
 * loops: request, engine, answer; the committers: rows, events and what their observers write), measured after a
 * warm-up. The packaged service's figure is scripts/bench/allocation.sh's (docs/benchmarks.md); this one is higher,
 * the test JVM compiling less, but it moves with it: about 108 KB here (86 KB packaged) before the array columns, the
 * request bodies and the filters' configuration stopped allocating per call what they need not, about 65 KB after.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SubmissionAllocationTest {

    private static final long BUDGET_BYTES = 85_000;
    private static final int CLIENTS = 8;
    private static final List<String> TEXTS = List.of(
            "Thanks for this article, it explains the budget debate very clearly.",
            "What a load of sh!t, the council should be ashamed of itself.",
            "You are a complete moron if you believe any of this.",
            "Great reporting. My grandmother lived on that street for forty years and remembers the flood.");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/v1/comments")
    URI comments;

    @Test
    void aSubmissionAllocatesWithinItsBudget() throws Exception {
        submit(6_000);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = servingThreadsAllocated(threads);
        int measured = 3_000;
        submit(measured);
        long perSubmission = (servingThreadsAllocated(threads) - before) / measured;
        assertTrue(perSubmission < BUDGET_BYTES, perSubmission + " bytes allocated per submission");
    }

    /** The bytes the event loops and the committers have allocated since they started. */
    private static long servingThreadsAllocated(ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("vert.x-eventloop-thread-") || name.startsWith("comment-committer-")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return total;
    }

    private void submit(int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> senders = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                senders.add(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        String body = "{\"articleId\":\"allocation-" + (n % 50) + "\",\"authorId\":\"reader-"
                                + (n % 997) + "\",\"authorName\":\"A Reader\",\"body\":\""
                                + TEXTS.get(n % TEXTS.size()) + "\"}";
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(comments)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(201, answer.statusCode(), answer.body());
                    }
                    return null;
                });
            }
            for (Future<Void> sender : clients.invokeAll(senders)) {
                sender.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
