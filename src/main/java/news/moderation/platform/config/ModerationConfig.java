package news.moderation.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import news.moderation.engine.Ruleset;

/** Every setting of the service itself; README's configuration table lists them. */
@ConfigMapping(prefix = "moderation")
public interface ModerationConfig {

    Rules rules();

    Comments comments();

    Http http();

    Submission submission();

    SubmissionBatch submissionBatch();

    ApiKeys apiKeys();

    Review review();

    Reports reports();

    Authors authors();

    EmbeddedDb embeddedDb();

    Jwt jwt();

    Coral coral();

    Perspective perspective();

    Webhooks webhooks();

    Statements statements();

    Workbench workbench();

    RuleHealth ruleHealth();

    /** When a rule's measured precision (moderators' decisions on what it held) says it needs attention. */
    interface RuleHealth {
        /** A rule whose precision (confirmed / (confirmed + overturned)) falls under this needs attention. */
        @WithDefault("0.5")
        double minPrecision();

        /** Decisions on what a rule held before its precision is judged at all: fewer say too little. */
        @WithDefault("5")
        int minDecisions();

        /** The period behind the per-rule precision gauges: the decisions made within it, up to now. */
        @WithDefault("30d")
        Duration window();

        /** How often the per-rule precision gauges are computed again (one query over the window). */
        @WithDefault("5m")
        Duration refreshInterval();
    }

    Appeals appeals();

    interface Appeals {
        /**
         * How long after a decision its author or notifier may appeal it (DSA Art. 20(1): at least six months).
         * A duration, so that the window is the same length whatever the month.
         */
        @WithDefault("180d")
        Duration window();
    }

    Rejudge rejudge();

    interface Rejudge {
        /** Whether comments waiting for a moderator are judged again when a new ruleset is loaded. */
        @WithDefault("false")
        boolean enabled();

        /** Whether a waiting comment the new rules allow is published at once, rather than left for a moderator. */
        @WithDefault("false")
        boolean releaseCleared();
    }

    interface Workbench {
        /** The most stored comments one ruleset preview judges (the newest of its period are left out beyond it). */
        @WithDefault("100000")
        int maxComments();

        /** Finished previews kept in memory (per instance) for their results to be read; older ones are dropped. */
        @WithDefault("20")
        int keptJobs();

        /** Comments read from PostgreSQL and judged in parallel at a time; cancellation is seen between batches. */
        @WithDefault("2000")
        int batchSize();
    }

    interface Rules {
        /**
         * Directory of rule files, watched for changes. Unset: the working directory's {@code rules} folder if there
         * is one, otherwise the rules built into the application.
         */
        Optional<Path> dir();

        /** Longest text the rule engine judges, in characters; a longer one is refused, never judged. */
        @WithDefault("" + Ruleset.DEFAULT_MAX_TEXT_LENGTH)
        int maxTextLength();

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

        /** How long after a comment was written its author may edit it (PUT /api/v1/comments/{id}). */
        @WithDefault("15m")
        Duration editWindow();
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

    /** The commit batcher of new comments (comments/CommentBatcher). */
    interface SubmissionBatch {
        /** Most comments committed in one transaction. */
        @WithDefault("64")
        int maxSize();

        /**
         * Longest a comment waits, from its arrival, for others to share its transaction; a full batch is committed
         * at once, and so is one whose oldest comment has already waited this long for a free committer. With 0 a
         * batch is what queued up while the committers were busy: under load that fills batches by itself, and with
         * few submissions none waits (a wait holds up the comments behind it too).
         */
        @WithDefault("0ms")
        Duration maxWait();

        /**
         * Longest a comment waits, from its arrival, for the batch being written to commit before another committer
         * writes a batch beside it. Until then it waits, and the comments that arrive meanwhile share its transaction:
         * the committers write one batch at a time while commits are quick, and overlap when one is slow (its fsync, a
         * database a network hop away). With 0 a free committer starts a batch with the first comment that arrives.
         */
        @WithDefault("2ms")
        Duration overlapAfter();

        /**
         * Comments enough for a batch not to wait for the one being written: once a batch waiting for that commit holds
         * this many, it is written beside it at once. At saturation the comments answered by one commit come back in a
         * burst; past this size, waiting longer only leaves the database and both cores idle (docs/benchmarks.md,
         * "Committers"). At a moderate rate a batch rarely holds this many, so {@code overlap-after} rules there.
         */
        @WithDefault("8")
        int overlapSize();

        /**
         * Threads committing batches, each on a connection of its own: while one waits for PostgreSQL (its round trips,
         * its fsync), another gathers and writes the next batch. At most the connection pool's size. Few is faster:
         * the fewer committers, the more comments queue up for each, so the larger a batch and the fewer transactions
         * and fsyncs per comment (docs/benchmarks.md, "Committers"); two keep one batch being written while the other
         * waits for its commit.
         */
        @WithDefault("2")
        int committers();
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

    interface Webhooks {
        /** Whether endpoints may be on private, loopback or link-local addresses (tests, a private network). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often each instance looks for deliveries that are due. */
        @WithDefault("1s")
        Duration dispatchInterval();

        /** Most deliveries one dispatch run attempts, one after another. */
        @WithDefault("100")
        int batchSize();

        @WithDefault("2s")
        Duration connectTimeout();

        /** How long one delivery waits for the receiver's answer; an attempt is never retried within the call. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** The wait after a first failed attempt; it doubles with each further failure (with jitter)… */
        @WithDefault("10s")
        Duration initialBackoff();

        /** …up to this. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** A delivery without a 2xx answer this long after its event is dead-lettered (redeliver it by hand). */
        @WithDefault("3d")
        Duration deadLetterAfter();

        /** How long a rotated-out secret still signs deliveries, next to the new one. */
        @WithDefault("24h")
        Duration secretGracePeriod();
    }

    interface Statements {
        /** The platform's name in statements of reasons, as registered with the DSA Transparency Database. */
        @WithDefault("News comments")
        String platformName();

        /** The terms of service the restrictions enforce: the statement's decision_ground_reference_url. */
        Optional<String> termsUrl();

        /**
         * The clause of the terms each category of the rules enforces (key: a category id such as {@code threat}):
         * the statement's incompatible_content_ground. A category without one names the category itself.
         */
        Map<String, String> termsClauses();
    }
}
