package news.moderation.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupFailure;

/**
 * A configured (external) PostgreSQL that cannot be reached, or refuses the configured user, would make Quarkus fail
 * its start-up migration with a long stack trace. One connection attempt before Quarkus starts turns the two common
 * cases into one line naming the settings to change. Anything else (TLS, other server settings) is left to Quarkus.
 */
public final class ConfiguredDatabase {

    static final String USERNAME_PROPERTY = "quarkus.datasource.username";
    static final String PASSWORD_PROPERTY = "quarkus.datasource.password";
    private static final String CONNECT_TIMEOUT_SECONDS = "10";

    private ConfiguredDatabase() {
    }

    /** Does nothing when no JDBC URL is configured (the embedded database is in use). */
    public static void requireReachable(EarlySettings settings) {
        settings.get(EmbeddedDatabase.URL_PROPERTY).ifPresent(url -> requireReachable(settings, url));
    }

    private static void requireReachable(EarlySettings settings, String url) {
        Properties properties = new Properties();
        settings.get(USERNAME_PROPERTY).ifPresent(user -> properties.setProperty("user", user));
        settings.get(PASSWORD_PROPERTY).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        try (Connection connection = new Driver().connect(url, properties)) {
            if (connection == null) {
                throw new StartupFailure("Not a PostgreSQL JDBC URL: " + withoutQuery(url) + ": set "
                        + EmbeddedDatabase.URL_PROPERTY + " to jdbc:postgresql://HOST:PORT/DATABASE");
            }
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (state.startsWith("08")) {
                throw new StartupFailure("Cannot reach the PostgreSQL at " + withoutQuery(url) + " (" + e.getMessage()
                        + "): check " + EmbeddedDatabase.URL_PROPERTY + ", or unset it to use the embedded PostgreSQL");
            }
            if (state.equals("28P01") || (state.equals("28000") && e.getMessage().contains("role"))) {
                throw new StartupFailure("The PostgreSQL at " + withoutQuery(url) + " refused the login ("
                        + e.getMessage() + "): check " + USERNAME_PROPERTY + " and " + PASSWORD_PROPERTY);
            }
            // Anything else: Quarkus connects with its full datasource configuration and reports it.
        }
    }

    /** The URL's query may hold a password. */
    static String withoutQuery(String url) {
        return url.replaceFirst("\\?.*", "");
    }
}
