package news.moderation.platform.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of many rows, each as one typed SQL array, for a multi-row statement that unnests them
 * ({@code INSERT … SELECT … FROM unnest(?::uuid[], ?::varchar[], …)}): one statement and one round trip for any number
 * of rows, with the same text whatever their number (one prepared statement). A Java null is an SQL null.
 */
public final class ArrayColumns<T> {

    private final Connection connection;
    private final List<T> rows;

    public ArrayColumns(Connection connection, List<T> rows) {
        this.connection = connection;
        this.rows = rows;
    }

    /** The column {@code field} of every row, in their order, as an array of the SQL {@code type}. */
    public Array of(String type, Function<? super T, Object> field) throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(field).toArray());
    }

    /** Sets {@code values} as the statement's parameters, the first to its first {@code ?}, and so on. */
    public static PreparedStatement bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }
}
