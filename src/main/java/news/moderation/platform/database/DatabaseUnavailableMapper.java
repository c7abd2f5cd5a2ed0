package news.moderation.platform.database;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import news.moderation.platform.errors.Problem;
import news.moderation.platform.errors.ProblemMappers;

/**
 * While the database cannot be reached (down, restarting, refusing connections, or every pooled connection busy for
 * longer than {@code quarkus.datasource.jdbc.acquisition-timeout}), requests that need it are answered 503 with
 * {@code Retry-After}. The detail says whether the client may simply retry: nothing was stored when the connection
 * failed before the commit; when it failed during the commit, the change may have been stored, and a submission's
 * answer names the comment to look up first ({@link CommitOutcomeUnknownException}). Any other failure of these kinds
 * is left to the generic answer of {@link ProblemMappers}.
 *
 * <p>A connection failure reaches the REST layer in whatever wraps it on its way up (Hibernate's exceptions, a
 * transaction's, CDI's, or a plain runtime exception from a rollback on a connection that died mid-transaction), so
 * this maps those wrappers and, behind them, every Exception that no more specific mapper takes (each more specific
 * than ProblemMappers' Throwable), and looks for the connection failure along the cause chain.
 */
public class DatabaseUnavailableMapper {

    /** Long enough for the embedded PostgreSQL to be restarted by its supervisor (a few seconds). */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String NOTHING_STORED = "The database is unreachable at the moment; nothing was stored. Try again"
            + " shortly.";
    static final String MAY_HAVE_BEEN_STORED = "The database failed while committing the change, so it may have been"
            + " stored: check before repeating it, once the database is back.";

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper({ PersistenceException.class, SQLException.class, QuarkusTransactionException.class,
            TransactionalException.class, ArcUndeclaredThrowableException.class, RuntimeException.class,
            Exception.class })
    public Response databaseFailure(Throwable e) {
        if (!isConnectionFailure(e)) {
            return problems.unexpected(e);
        }
        logAtMostEveryFewSeconds(e);
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, detail(e)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /**
     * A failed commit shows as the batcher's {@link CommitOutcomeUnknownException} or, for a {@code @Transactional}
     * change, as the transaction manager's RollbackException or mixed heuristic outcome: each means that the
     * statements had all succeeded and COMMIT had been sent.
     */
    static String detail(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof CommitOutcomeUnknownException unknown) {
                return "The database failed while committing this comment, so it may have been stored: once the"
                        + " database is back, GET " + unknown.location() + " tells (404: it was not stored; submit"
                        + " it again).";
            }
            if (e instanceof RollbackException || e instanceof HeuristicMixedException) {
                return MAY_HAVE_BEEN_STORED;
            }
        }
        return NOTHING_STORED;
    }

    /**
     * Whether the failure, or anything that caused it, means that no connection to the database could be had or
     * kept: SQLState class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed, or not
     * accepting connections yet), Hibernate's JDBCConnectionException, or the pool's acquisition timeout. Suppressed
     * exceptions count as causes: a commit that fails because the server died is a JTA RollbackException that carries
     * the driver's error only as a suppressed XAException.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> toLook = new ArrayDeque<>(List.of(failure));
        while (!toLook.isEmpty()) {
            Throwable e = toLook.pop();
            if (seen.put(e, true) != null) {
                continue;
            }
            if (e instanceof JDBCConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && (connectionState(sql.getSQLState()) || acquisitionTimeout(sql))) {
                return true;
            }
            if (e.getCause() != null) {
                toLook.push(e.getCause());
            }
            toLook.addAll(List.of(e.getSuppressed()));
        }
        return false;
    }

    private static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /** Agroal's acquisition timeout carries no SQLState; it is told by its cause or, failing that, its message. */
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getSQLState() == null && (e.getCause() instanceof TimeoutException
                || String.valueOf(e.getMessage()).toLowerCase().contains("acquisition timeout"));
    }

    /** Under load every request fails the same way: one line now and then says it, without a stack trace. */
    private static void logAtMostEveryFewSeconds(Throwable e) {
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.warnf("The database is unreachable; answering 503 meanwhile: %s", EmbeddedDatabase.rootMessage(e));
        }
    }
}
