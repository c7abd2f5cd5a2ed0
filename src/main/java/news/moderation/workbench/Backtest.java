package news.moderation.workbench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.engine.JudgingContext;
import news.moderation.engine.Ruleset;
import news.moderation.engine.Verdict;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.ruleset.Language;
import news.moderation.workbench.Tally.StoredComment;

/**
 * Judges the stored comments of a period with two rulesets: read from PostgreSQL through a cursor a batch at a time
 * (never the whole period in memory), each batch judged in parallel on every core.
 */
@ApplicationScoped
class Backtest {

    /**
     * The comments of a period, oldest first, with the result of the latest moderator decision on each (the audit
     * trail records every decision; a later one overrides an earlier one).
     */
    private static final String COMMENTS = """
            SELECT c.id, c.site_id, c.body, c.lang, c.parent_id IS NOT NULL, d.to_state
            FROM comment c
            LEFT JOIN LATERAL (SELECT a.to_state FROM audit_event a
                               WHERE a.comment_id = c.id
                                 AND a.action IN ('MODERATOR_DECISION', 'APPEAL_DECISION')
                               ORDER BY a.id DESC LIMIT 1) d ON TRUE
            WHERE c.created_at >= ? AND c.created_at < ? AND (CAST(? AS VARCHAR) IS NULL OR c.site_id = ?)
            ORDER BY c.seq
            LIMIT ?""";
    private static final String COUNT = """
            SELECT count(*) FROM comment c
            WHERE c.created_at >= ? AND c.created_at < ? AND (CAST(? AS VARCHAR) IS NULL OR c.site_id = ?)""";

    /** The period and the rulesets of one preview. */
    record Plan(Ruleset serving, Ruleset candidate, Instant from, Instant to, String siteId) {
    }

    private final DataSource database;
    private final int maxComments;
    private final int batchSize;

    Backtest(DataSource database, ModerationConfig config) {
        this.database = database;
        this.maxComments = config.workbench().maxComments();
        this.batchSize = config.workbench().batchSize();
    }

    /** Runs the preview to its end or until the job is cancelled; the job holds the outcome. */
    void run(Plan plan, PreviewJob job) throws SQLException {
        try (Connection connection = database.getConnection()) {
            long inPeriod = count(connection, plan);
            long total = Math.min(inPeriod, maxComments);
            job.started(total);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement query = connection.prepareStatement(COMMENTS)) {
                bind(query, plan);
                query.setLong(5, maxComments);
                query.setFetchSize(batchSize);
                Tally tally = new Tally();
                try (ResultSet rows = query.executeQuery()) {
                    List<StoredComment> batch = new ArrayList<>(batchSize);
                    while (!job.cancelRequested() && rows.next()) {
                        batch.add(new StoredComment(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getBoolean(5), rows.getString(6)));
                        if (batch.size() == batchSize) {
                            tally.merge(judge(batch, plan, job));
                            batch.clear();
                        }
                    }
                    if (!job.cancelRequested()) {
                        tally.merge(judge(batch, plan, job));
                    }
                }
                connection.rollback();
                if (job.cancelRequested()) {
                    job.cancelled();
                } else {
                    job.done(tally.result(plan.serving().version(), plan.candidate().version(), total,
                            inPeriod > total));
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Tally judge(List<StoredComment> batch, Plan plan, PreviewJob job) {
        Tally tally = batch.parallelStream().collect(Tally::new,
                (part, comment) -> part.add(comment, judge(plan.serving(), comment), judge(plan.candidate(), comment)),
                Tally::merge);
        job.judged(tally.judged());
        return tally;
    }

    /** Stored bodies were judged when submitted, so none is longer than the engine judges. */
    private static Verdict judge(Ruleset ruleset, StoredComment comment) {
        // As the comment was judged when it arrived: by the primary subtag of its language tag ("pt-BR" → pt), as a
        // reply when it answers another comment.
        return ruleset.judge(comment.body(), Language.primary(comment.lang()), JudgingContext.of(comment.reply()));
    }

    private static long count(Connection connection, Plan plan) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COUNT)) {
            bind(query, plan);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement query, Plan plan) throws SQLException {
        query.setTimestamp(1, Timestamp.from(plan.from()));
        query.setTimestamp(2, Timestamp.from(plan.to()));
        query.setString(3, plan.siteId());
        query.setString(4, plan.siteId());
    }
}
