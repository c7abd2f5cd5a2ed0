package news.moderation.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import news.moderation.platform.errors.Problem;

class DatabaseUnavailableMapperTest {

    @Test
    void connectionFailuresAreFoundAlongTheCauseChain() {
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(
                new QuarkusTransactionException(new PersistenceException(new SQLException("refused", "08001")))));
        for (String shuttingDown : new String[] { "57P01", "57P02", "57P03" }) {
            assertTrue(DatabaseUnavailableMapper.isConnectionFailure(
                    new PersistenceException(new SQLException("FATAL", shuttingDown))), shuttingDown);
        }
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(new SQLException("Sorry, acquisition timeout!")));
    }

    /** Seen under load in CI: a rollback on a connection the postmaster's death had closed, in a plain wrapper. */
    @Test
    void aRollbackOnAClosedConnectionInAnyWrapperIsA503WithRetryAfter() {
        var answer = new DatabaseUnavailableMapper().databaseFailure(new IllegalStateException("rollback failed",
                new SQLException("This connection has been closed.", "08003")));
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(DatabaseUnavailableMapper.RETRY_AFTER_SECONDS),
                answer.getHeaderString("Retry-After"));
        assertEquals(DatabaseUnavailableMapper.NOTHING_STORED, ((Problem) answer.getEntity()).detail());
    }

    /**
     * Seen in the postmaster-kill check: the server died during COMMIT, and Narayana's RollbackException carries the
     * driver's error only as a suppressed XAException.
     */
    @Test
    void aCommitFailedByTheServersDeathIsA503EvenWhenItsErrorIsOnlySuppressed() {
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction");
        commitFailed.initCause(new SQLException("FATAL: terminating connection due to unexpected postmaster exit",
                "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed);
        var answer = new DatabaseUnavailableMapper().databaseFailure(new QuarkusTransactionException(rollback));
        assertEquals(503, answer.getStatus());
        assertEquals(DatabaseUnavailableMapper.MAY_HAVE_BEEN_STORED, ((Problem) answer.getEntity()).detail());
    }

    @Test
    void otherDatabaseFailuresStayServerErrors() {
        SQLException uniqueViolation = new SQLException("duplicate key", "23505");
        assertFalse(DatabaseUnavailableMapper.isConnectionFailure(
                new ConstraintViolationException("duplicate", uniqueViolation, "comment_pkey")));
        assertFalse(DatabaseUnavailableMapper.isConnectionFailure(new SQLException("syntax error", "42601")));

        assertEquals(500, new DatabaseUnavailableMapper().databaseFailure(
                new PersistenceException(new SQLException("syntax error", "42601"))).getStatus());
    }
}
