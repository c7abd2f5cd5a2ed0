package news.moderation.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Columns as array literals reach PostgreSQL as the values they were, whatever their characters, and typed by the
 * statement's casts; and a column costs about its own size, not a fixed buffer.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ArrayColumnsTest {

    @Inject
    AgroalDataSource database;

    @Test
    void textsComeBackAsTheyWereSentNullsIncluded() throws SQLException {
        List<String> texts = Arrays.asList("plain", "", null, "NULL", "with \"quotes\"", "back\\slash\\", "a,b",
                "{braces}", "  spaces  ", "line\nbreak\ttab", "ünïcödé ✓ 😀", "'single'", "\\\"");
        List<Object> back = roundTrip("text", new ArrayColumns<>(texts).of(text -> text));
        assertEquals(texts, back);
    }

    @Test
    void otherTypesAreParsedByTheStatementsCast() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T21:39:14.123456Z");
        assertEquals(Arrays.asList(id, null), roundTrip("uuid", new ArrayColumns<>(Arrays.asList(id, null))
                .of(value -> value)));
        assertEquals(List.of(at), roundTrip("timestamptz", new ArrayColumns<>(List.of(at)).of(value -> value))
                .stream().map(value -> ((Timestamp) value).toInstant()).toList());
        assertEquals(List.of((short) 3, (short) 0), roundTrip("int2", new ArrayColumns<>(List.of(3, 0))
                .of(value -> value)).stream().map(value -> ((Number) value).shortValue()).toList());
        assertEquals(List.of(true, false), roundTrip("bool", new ArrayColumns<>(List.of(true, false))
                .of(value -> value)));
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertEquals(List.of(day), roundTrip("date", new ArrayColumns<>(List.of(day)).of(value -> value)).stream()
                .map(value -> ((Date) value).toLocalDate()).toList());
    }

    @Test
    void aColumnOfOneShortValueTakesAboutItsOwnSize() {
        ArrayColumns<String> columns = new ArrayColumns<>(List.of("default"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        for (int i = 0; i < 10_000; i++) {
            columns.of(value -> value); // compiled, as on a committer that has written many batches
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            columns.of(value -> value);
        }
        long perColumn = (threads.getCurrentThreadAllocatedBytes() - before) / 1_000;
        // The JDBC driver's createArrayOf took a 1 KB buffer for every column, one value or many.
        assertTrue(perColumn < 256, perColumn + " bytes for a column of one value");
    }

    private List<Object> roundTrip(String type, ArrayColumns.Literal column) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT v FROM unnest(?::" + type + "[]) WITH ORDINALITY AS u(v, n) ORDER BY n")) {
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = ArrayColumns.bind(select, List.of(column)).executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        }
    }
}
