package news.moderation.platform.database;

import java.util.Collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A value as the text of a JSON column written with plain JDBC, as Hibernate writes the entities' JSON columns, so
 * that they read back alike. An empty list, the commonest value (a comment no rule matched has no categories, matches
 * or rule ids), is written without a serialiser.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code value} as JSON text; null stays null. */
    public static String of(ObjectMapper json, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list && list.isEmpty()) {
            return "[]";
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column's value is always serialisable", e);
        }
    }
}
