package news.moderation.comments;

import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * The commit batcher's tests with a single worker thread. A submission without an Idempotency-Key holds no thread
 * while it waits for its commit (it runs on the event loop), so concurrent ones still share transactions; those with a
 * key, and the lookup of a site's API key, take turns on the one worker thread.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(CommentBatchingOnOneWorkerThreadTest.OneWorkerThread.class)
class CommentBatchingOnOneWorkerThreadTest extends CommentBatchingTest {

    public static class OneWorkerThread implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "1");
        }
    }
}
