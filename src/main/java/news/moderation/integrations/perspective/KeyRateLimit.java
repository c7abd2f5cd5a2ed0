package news.moderation.integrations.perspective;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.platform.config.ModerationConfig;

/**
 * Requests per API key and second, counted in this instance's memory: with N replicas a key gets up to N times the
 * rate, which is fine for a guard against a runaway client.
 */
@ApplicationScoped
class KeyRateLimit {

    private record Window(long second, int requests) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int perSecond;

    KeyRateLimit(ModerationConfig config) {
        this.perSecond = config.perspective().requestsPerSecond();
    }

    /** Counts one request of this key; refuses it once the key has made its share in the current second. */
    void acquire(String key) {
        long now = System.currentTimeMillis() / 1000;
        Window window = windows.compute(key, (k, current) -> current == null || current.second() != now
                ? new Window(now, 1)
                : new Window(now, current.requests() + 1));
        if (window.requests() > perSecond) {
            throw PerspectiveError.overRate(perSecond);
        }
    }
}
