package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * A connection that dies during COMMIT leaves the submission's outcome unknown to the service: the answer is a 503
 * that says the comment may have been stored and names where to look, not "nothing was stored". A deferred trigger
 * ends the committing backend at COMMIT, for one article only.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CommitOutcomeUnknownTest {

    private static final Pattern COMMENT_PATH = Pattern.compile("GET (/api/v1/comments/[0-9a-f-]{36})");

    private final String article = "dies-at-commit-" + UUID.randomUUID();

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void aFunctionThatEndsItsBackend() throws SQLException {
        execute("CREATE FUNCTION end_my_backend() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$");
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute("DROP FUNCTION end_my_backend() CASCADE");
    }

    @Test
    void aCommitThatLosesItsConnectionIsA503ThatSaysTheCommentMayHaveBeenStoredAndWhereToLook() throws SQLException {
        execute("CREATE CONSTRAINT TRIGGER dies_at_commit AFTER INSERT ON comment DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW WHEN (NEW.article_id = '" + article + "') EXECUTE FUNCTION end_my_backend()");

        String detail = Comments.submit(Comments.comment(article, "A fine article, thank you"))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("may have been stored"))
                .extract().path("detail");

        Matcher path = COMMENT_PATH.matcher(detail);
        assertTrue(path.find(), detail);
        // Here PostgreSQL ran the deferred trigger before writing the commit, so the comment is not there.
        given().get(path.group(1)).then().statusCode(404);
        Comments.submit(Comments.comment("after-" + article, "A fine article, thank you")).statusCode(201);
    }

    @Test
    void aConnectionLostBeforeTheCommitIsA503ThatSaysNothingWasStored() throws SQLException {
        execute("CREATE TRIGGER dies_at_insert BEFORE INSERT ON comment"
                + " FOR EACH ROW WHEN (NEW.article_id = '" + article + "') EXECUTE FUNCTION end_my_backend()");

        Comments.submit(Comments.comment(article, "A fine article, thank you"))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("nothing was stored"));
        Comments.submit(Comments.comment("after-" + article, "A fine article, thank you")).statusCode(201);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
