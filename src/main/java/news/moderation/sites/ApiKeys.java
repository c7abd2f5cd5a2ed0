package news.moderation.sites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.platform.config.ModerationConfig;

/** Creates, lists, revokes and checks site API keys. A key is shown once, when created, and never stored. */
@ApplicationScoped
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 10_000;

    /** What a key hash resolved to, and until when that answer may be reused. */
    private record Lookup(Optional<String> siteId, long validUntilNanos) {
        boolean validAt(long nanoTime) {
            return nanoTime - validUntilNanos < 0;
        }
    }

    /** Every submission presents a key: remember recent answers rather than asking PostgreSQL each time. */
    private final Map<String, Lookup> recentLookups = new ConcurrentHashMap<>();
    private final Duration cacheTtl;

    ApiKeys(ModerationConfig config) {
        this.cacheTtl = config.apiKeys().cacheTtl();
    }

    public record Created(UUID id, String siteId, String name, Instant createdAt, String key) {
    }

    public record Listed(UUID id, String siteId, String name, Instant createdAt, String createdBy, Instant revokedAt) {

        static Listed of(ApiKey key) {
            return new Listed(key.id, key.siteId, key.name, key.createdAt, key.createdBy, key.revokedAt);
        }
    }

    @Transactional
    public Created create(String siteId, String name, String admin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.siteId = siteId;
        apiKey.name = name;
        apiKey.keyHash = hash(key);
        apiKey.createdAt = Instant.now();
        apiKey.createdBy = admin;
        apiKey.persist();
        return new Created(apiKey.id, siteId, name, apiKey.createdAt, key);
    }

    @Transactional
    public List<Listed> list() {
        return ApiKey.<ApiKey>listAll().stream().map(Listed::of).toList();
    }

    @Transactional
    public Listed revoke(UUID id) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No API key with id " + id));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        recentLookups.remove(key.keyHash); // at once here; other replicas within the cache TTL
        return Listed.of(key);
    }

    /** Whether {@link #siteOf} answers the key from memory, without asking PostgreSQL (without blocking). */
    public boolean remembers(String presentedKey) {
        Lookup recent = recentLookups.get(hash(presentedKey));
        return recent != null && recent.validAt(System.nanoTime());
    }

    /**
     * The site a presented key belongs to, if the key exists and is not revoked. Answers are reused for
     * {@code moderation.api-keys.cache-ttl}, so a revocation reaches every replica within that time.
     */
    public Optional<String> siteOf(String presentedKey) {
        String keyHash = hash(presentedKey);
        long now = System.nanoTime();
        Lookup recent = recentLookups.get(keyHash);
        if (recent != null && recent.validAt(now)) {
            return recent.siteId();
        }
        if (recentLookups.size() > MAX_REMEMBERED) {
            recentLookups.clear(); // a flood of made-up keys must not grow the map without bound
        }
        Optional<String> siteId = QuarkusTransaction.joiningExisting()
                .call(() -> ApiKey.activeByHash(keyHash).map(key -> key.siteId));
        recentLookups.put(keyHash, new Lookup(siteId, now + cacheTtl.toNanos()));
        return siteId;
    }

    /** A plain SHA-256 is enough: keys are 256 random bits, not guessable passwords. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
