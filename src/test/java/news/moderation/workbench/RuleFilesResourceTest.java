package news.moderation.workbench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** The workbench starts a change from the current rule file: admins read the rules directory (tests serve rules/). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RuleFilesResourceTest {

    @Test
    void adminsListTheRuleFilesAndReadOneAsItIsOnDisk() throws IOException {
        String onDisk = Files.readString(Path.of("rules/en/obscene.yaml"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset/files").then()
                .statusCode(200)
                .body("path", hasItem("en/obscene.yaml"))
                .body("find { it.path == 'en/obscene.yaml' }.length", equalTo(onDisk.length()));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset/files/en/obscene.yaml").then()
                .statusCode(200)
                .body("path", equalTo("en/obscene.yaml"))
                .body("content", equalTo(onDisk));
    }

    @Test
    void anUnknownFileIsNotFoundAndModeratorsMayNotRead() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset/files/en/no-such-file.yaml").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset/files/../pom.xml").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/admin/ruleset/files").then().statusCode(403);
    }
}
