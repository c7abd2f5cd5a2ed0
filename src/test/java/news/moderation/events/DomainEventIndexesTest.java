package news.moderation.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * The outbox keeps only the indexes its queries use: each is written once per event, so once per new comment. The
 * queries that read domain_event by a column (the webhook dispatcher's, an erasure's) still find their rows through an
 * index. The plans are asked for with sequential scans off, so that a table this small does not hide a missing index.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DomainEventIndexesTest {

    @Inject
    AgroalDataSource database;

    @Test
    void theOutboxHasNoIndexOfEventsByComment() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT indexname FROM pg_indexes WHERE tablename = 'domain_event' ORDER BY indexname")) {
            List<String> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
            assertEquals(List.of("domain_event_id_key", "domain_event_pkey", "domain_event_site_author_idx"),
                    indexes);
        }
    }

    @Test
    void theWebhookDispatcherReadsAnEventByItsIdThroughAnIndex() throws SQLException {
        // WebhookDispatcher.body
        String plan = plan("""
                SELECT type, site_id, CAST(comment_id AS text), seq, occurred_at, CAST(payload AS text)
                FROM domain_event WHERE id = '00000000-0000-0000-0000-000000000001'""");
        assertTrue(plan.contains("using domain_event_id_key"), plan);
    }

    @Test
    void anErasureFindsItsAuthorsEventsThroughAnIndex() throws SQLException {
        // AuthorErasure.redact
        String plan = plan("""
                UPDATE domain_event SET payload = jsonb_set(payload, ARRAY['note'], 'null')
                WHERE site_id = 'a-site' AND author_id = 'an-author' AND payload ->> 'note' IS NOT NULL""");
        assertTrue(plan.contains("domain_event_site_author_idx"), plan);
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("RESET enable_seqscan");
            }
        }
    }
}
