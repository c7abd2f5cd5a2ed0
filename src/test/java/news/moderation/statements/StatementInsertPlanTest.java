package news.moderation.statements;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * The statements of a batch of new comments read each comment's date by its primary key, whatever PostgreSQL knows of
 * the comment table. In a new database the table has no statistics until autovacuum first analyzes it (a minute or
 * more), and the insert, prepared once per connection, keeps the plan it got then: a hash join over a sequential scan
 * of every comment would be repeated for every batch as the table grows. The plan is asked for against a comment table
 * that was never analyzed (a temporary one of the same shape, which the statement's unqualified name finds first), as
 * the generic plan a prepared statement caches.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatementInsertPlanTest {

    @Inject
    AgroalDataSource database;

    @Test
    void eachCommentIsReadByItsKeyEvenWhileTheCommentTableHasNoStatistics() throws SQLException {
        String plan = genericPlanWithoutStatistics(StatementRecorder.INSERT);
        assertTrue(plan.contains("Index Scan using comment_pkey on comment"), plan);
        assertFalse(plan.contains("Seq Scan on comment"), plan);
    }

    private String genericPlanWithoutStatistics(String insert) throws SQLException {
        // Prepared as the JDBC driver prepares it (JDBC's ? as PostgreSQL's numbered parameters), then explained with
        // the generic plan that a prepared statement keeps, executed with every parameter null.
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : insert.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("CREATE TEMPORARY TABLE comment (LIKE public.comment INCLUDING ALL) ON COMMIT DROP");
                statement.execute("PREPARE statements_insert AS " + numbered);
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE statements_insert("
                        + String.join(", ", Collections.nCopies(parameter, "NULL")) + ")")) {
                    StringBuilder plan = new StringBuilder();
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                    return plan.toString();
                }
            } finally {
                connection.rollback();
                statement.execute("DEALLOCATE ALL");
                connection.setAutoCommit(true);
            }
        }
    }
}
