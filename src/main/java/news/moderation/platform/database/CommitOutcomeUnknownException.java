package news.moderation.platform.database;

/**
 * The connection died while a transaction was committing, after every statement had succeeded: PostgreSQL may have
 * committed it or not, and nothing the service can ask now tells which. The answer is a 503 that says so and names
 * where the client can look once the database is back ({@code location}: a 404 there means it was not stored), so
 * that a retry does not store the same thing twice.
 */
public class CommitOutcomeUnknownException extends RuntimeException {

    private final String location;

    public CommitOutcomeUnknownException(String location, Throwable cause) {
        super("The commit of " + location + " failed with the connection; it may have been stored", cause);
        this.location = location;
    }

    /** The path of what may have been stored, as the API serves it. */
    public String location() {
        return location;
    }
}
