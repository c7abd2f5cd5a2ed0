package news.moderation.platform.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.comments.Comments;
import news.moderation.platform.security.Tokens;

/**
 * An external PostgreSQL that goes away and comes back: meanwhile every request that needs it is answered 503 with
 * Retry-After (never 500), readiness is DOWN and liveness UP; afterwards the service serves again by itself.
 */
@QuarkusTest
@WithTestResource(RestartablePostgresResource.class)
class DatabaseOutageTest {

    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    @AfterEach
    void databaseBack() {
        RestartablePostgresResource.startServer();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndTheServiceRecoversWhenItIsBack() {
        String id = Comments.submitted("outage", "reader-1", "Before the outage.");

        RestartablePostgresResource.stopServer();

        Comments.submit(Comments.comment("outage", "During the outage.")).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", String.valueOf(DatabaseUnavailableMapper.RETRY_AFTER_SECONDS))
                .body("status", equalTo(503));
        given().get("/api/v1/comments/" + id).then().statusCode(503).header("Retry-After", equalTo("5"));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/queue").then().statusCode(503)
                .header("Retry-After", equalTo("5"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        RestartablePostgresResource.startServer();

        assertEquals(201, statusOnceRecovered(() -> Comments.submit(Comments.comment("outage", "After the outage."))
                .extract().statusCode()));
        given().get("/api/v1/comments/" + id).then().statusCode(200).body("body", equalTo("Before the outage."));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("database"));
    }

    @Test
    void readinessIsDownWhileTheDatabaseRefusesNewConnections() {
        Comments.submitted("smart-shutdown", "reader-2", "Fills the pool with a live connection.");
        given().get("/q/health/ready").then().statusCode(200);

        // SIGTERM is PostgreSQL's "smart" shutdown: open sessions (the pool's) go on, new connections are refused.
        RestartablePostgresResource.postmaster().destroy();

        assertEquals(503, statusOnceRecovered(() -> given().get("/q/health/ready").then().extract().statusCode(),
                503));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        RestartablePostgresResource.stopServer();
    }

    private static int statusOnceRecovered(java.util.function.IntSupplier status) {
        return statusOnceRecovered(status, 201);
    }

    /** Polls until the expected status comes, within the bound; returns the last status seen. */
    private static int statusOnceRecovered(java.util.function.IntSupplier status, int expected) {
        long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
        int last;
        do {
            last = status.getAsInt();
            if (last == expected) {
                return last;
            }
            sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
