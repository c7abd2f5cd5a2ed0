package news.moderation.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the service itself; README's configuration table lists them. */
@ConfigMapping(prefix = "moderation")
public interface ModerationConfig {

    Rules rules();

    Comments comments();

    Http http();

    Submission submission();

    ApiKeys apiKeys();

    Review review();

    Reports reports();

    Authors authors();

    EmbeddedDb embeddedDb();

    Jwt jwt();

    Coral coral();

    Perspective perspective();

    interface Rules {
        /** Directory of rule files, watched for changes. */
        @WithDefault("rules")
        Path dir();

        /** How often the rules directory is checked for changes. */
        @WithDefault("2s")
        Duration reloadInterval();
    }

    interface Comments {
        /** Longest comment body accepted, in characters. */
        @WithDefault("10000")
        int maxBodyLength();

        /**
         * Whether published comments are shown on their article's thread with every matched span masked (low-severity
         * matches are published: "damn" becomes "****").
         */
        @WithDefault("false")
        boolean maskPublished();
    }

    interface Http {
        /** Largest request body accepted, in bytes. */
        @WithDefault("65536")
        long maxRequestBytes();
    }

    interface Submission {
        /** Whether comments and checks are accepted without a site API key (X-Api-Key). */
        @WithDefault("true")
        boolean anonymousAllowed();
    }

    interface ApiKeys {
        /** How long a site key's lookup is reused; a revocation reaches other replicas within this time. */
        @WithDefault("30s")
        Duration cacheTtl();
    }

    interface Review {
        /** How long a claimed queue item stays with the moderator who claimed it. */
        @WithDefault("10m")
        Duration claimLease();
    }

    interface Reports {
        /** Distinct readers whose reports send a published comment back to the queue. */
        @WithDefault("3")
        int threshold();
    }

    interface Authors {
        /** Rejected comments within {@link #rejectionWindow()} that put an author under pre-moderation. */
        @WithDefault("3")
        int premoderateAfterRejections();

        @WithDefault("30d")
        Duration rejectionWindow();
    }

    interface EmbeddedDb {
        /** Data directory of the embedded PostgreSQL; read in main, before Quarkus starts (see EmbeddedDatabase). */
        String dataDir();
    }

    interface Jwt {
        /** Where the embedded default keeps its token signing key pair; read in main (see LocalSigningKeys). */
        String keyDir();
    }

    interface Coral {
        /** The signing secrets (empsec_…) of Coral's external moderation phase; two while one is rotated. */
        Optional<List<String>> signingSecrets();

        /** Whether comments by Coral's STAFF, MODERATOR and ADMIN roles pass unjudged. */
        @WithDefault("true")
        boolean trustStaff();

        /** How far back an EDIT looks for the comment it changes; at least Coral's comment edit window. */
        @WithDefault("30m")
        Duration editWindow();
    }

    interface Perspective {
        /** Requests per second one API key may make to the Perspective-compatible API; more are answered 429. */
        @WithDefault("100")
        int requestsPerSecond();

        /** Longest comment.text the Perspective-compatible API accepts, in UTF-8 bytes (Perspective's 20 KB). */
        @WithDefault("20480")
        int maxTextBytes();
    }
}
