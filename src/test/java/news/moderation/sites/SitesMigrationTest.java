package news.moderation.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.moderation.platform.database.EmbeddedDatabase;

/** V2 gives the rows a V1 database already holds their site: the default one where none was recorded. */
class SitesMigrationTest {

    private static final String COMMENT_COLUMNS = """
            (id, site_id, article_id, author_id, author_name, body, status, decision, categories, matches,
             max_severity, ruleset_version, created_at, idempotency_key, request_hash)""";

    @Test
    void rowsWithoutASiteMoveToTheDefaultSite(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("data"),
                EmbeddedDatabase.Durability.THROWAWAY)) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database, "1");
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO comment " + COMMENT_COLUMNS + """
                         VALUES ('00000000-0000-0000-0000-000000000001', NULL, 'a', 'ann', 'Ann', 'hi', 'PUBLISHED',
                                 'ALLOW', '[]', '[]', 0, 'v', now(), 'k1', 'h1'),
                                ('00000000-0000-0000-0000-000000000002', 'planet', 'a', 'ann', 'Ann', 'hi', 'PUBLISHED',
                                 'ALLOW', '[]', '[]', 0, 'v', now(), 'k1', 'h2')""");
                sql.execute("""
                        INSERT INTO author (author_id, standing, reason, updated_at, updated_by)
                        VALUES ('ann', 'BANNED', 'spam', now(), 'mo')""");
                sql.execute("""
                        INSERT INTO audit_event (occurred_at, comment_id, author_id, actor, action, note, rule_ids)
                        VALUES (now(), '00000000-0000-0000-0000-000000000002', 'ann', 'system', 'MACHINE_VERDICT',
                                NULL, '[]'),
                               (now(), NULL, 'ann', 'mo', 'AUTHOR_STANDING', 'spam', '[]'),
                               (now(), NULL, 'unknown', 'site:planet', 'SUGGESTED_SCORE', 'quoting someone', '[]')""");
            }
            migrate(database, "latest");
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                assertEquals(List.of("00000000-0000-0000-0000-000000000001 default",
                        "00000000-0000-0000-0000-000000000002 planet"),
                        rows(sql, "SELECT id || ' ' || site_id FROM comment ORDER BY id"));
                assertEquals(List.of("default ann BANNED"),
                        rows(sql, "SELECT site_id || ' ' || author_id || ' ' || standing FROM author"));
                assertEquals(List.of("MACHINE_VERDICT planet -", "AUTHOR_STANDING default spam",
                        "SUGGESTED_SCORE default -"),
                        rows(sql, "SELECT action || ' ' || site_id || ' ' || coalesce(note, '-') FROM audit_event "
                                + "ORDER BY id"));
                // The same author id on another site is another author; one site's key may be reused by another.
                sql.execute("""
                        INSERT INTO author (site_id, author_id, standing, updated_at, updated_by)
                        VALUES ('planet', 'ann', 'ACTIVE', now(), 'mo')""");
                assertThrows(SQLException.class, () -> sql.execute("INSERT INTO comment " + COMMENT_COLUMNS + """
                         VALUES ('00000000-0000-0000-0000-000000000003', 'planet', 'a', 'ann', 'Ann', 'hi',
                                 'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'v', now(), 'k1', 'h3')"""));
                assertThrows(SQLException.class, () -> sql.execute("UPDATE comment SET site_id = NULL"));
            }
        }
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
