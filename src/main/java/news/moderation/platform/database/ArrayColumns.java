package news.moderation.platform.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of many rows, each as one SQL array, for a multi-row statement that unnests them
 * ({@code INSERT … SELECT … FROM unnest(?::uuid[], ?::varchar[], …)}): one statement and one round trip for any number
 * of rows, with the same text whatever their number (one prepared statement). A Java null is an SQL null; any other
 * value is its {@code toString()}.
 * <p>
 * Each column is written as the text of an array literal, of exactly its length, and sent as a parameter of no
 * declared type, which the statement's cast types ({@code ?::uuid[]}). PostgreSQL parses the same text either way;
 * the JDBC driver's {@code createArrayOf} made an array object per column and built its text from a 1 KB buffer,
 * most of a batch's allocation.
 */
public final class ArrayColumns<T> {

    /** A column as the text of an SQL array literal, such as {@code {"a","b\"c",NULL}}. */
    public record Literal(String text) {
    }

    private final Collection<T> rows;

    public ArrayColumns(Collection<T> rows) {
        this.rows = rows;
    }

    /** The column {@code field} of every row, in their order: elements quoted, {@code "} and {@code \} escaped. */
    public Literal of(Function<? super T, Object> field) {
        String[] elements = new String[rows.size()];
        int length = 2 + Math.max(0, elements.length - 1);
        int i = 0;
        for (T row : rows) {
            Object value = field.apply(row);
            if (value == null) {
                length += 4; // NULL
                i++;
                continue;
            }
            String element = value.toString();
            elements[i++] = element;
            length += element.length() + 2;
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    length++;
                }
            }
        }
        StringBuilder text = new StringBuilder(length).append('{');
        for (int e = 0; e < elements.length; e++) {
            if (e > 0) {
                text.append(',');
            }
            String element = elements[e];
            if (element == null) {
                text.append("NULL");
                continue;
            }
            text.append('"');
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    text.append('\\');
                }
                text.append(ch);
            }
            text.append('"');
        }
        return new Literal(text.append('}').toString());
    }

    /**
     * Sets {@code values} as the statement's parameters, the first to its first {@code ?}, and so on: a column as its
     * literal's text, of no declared type (the statement's cast gives its type), anything else as JDBC sets it.
     */
    public static PreparedStatement bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Literal column) {
                statement.setObject(i + 1, column.text(), Types.OTHER);
            } else {
                statement.setObject(i + 1, values.get(i));
            }
        }
        return statement;
    }
}
