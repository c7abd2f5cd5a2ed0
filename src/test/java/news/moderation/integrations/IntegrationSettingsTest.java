package news.moderation.integrations;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import news.moderation.integrations.coral.CoralRequests;
import news.moderation.integrations.perspective.PerspectiveClient;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** The integrations' settings that differ from the defaults, in one profile (each profile restarts the service). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(IntegrationSettingsTest.Strict.class)
class IntegrationSettingsTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.coral.trust-staff", "false", "moderation.perspective.requests-per-second", "2");
        }
    }

    @Test
    void staffAreJudgedWhenNotTrusted() {
        for (String role : List.of("STAFF", "MODERATOR", "ADMIN")) {
            CoralRequests.send(CoralRequests.body("NEW", "You are an idiot.", CoralRequests.newAuthor(), role,
                    CoralRequests.newStory())).statusCode(200).body("status", equalTo("SYSTEM_WITHHELD"));
        }
    }

    @Test
    void aKeyOverItsRateIsRefusedWithResourceExhausted() {
        String key = PerspectiveClient.newKey();
        // At 2 per second, five calls within at most two seconds cannot all pass.
        ValidatableResponse refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            ValidatableResponse response = PerspectiveClient.post("/comments:analyze", key,
                    PerspectiveClient.coralAnalyzeBody("hello"));
            refused = response.extract().statusCode() == 429 ? response : null;
        }
        if (refused == null) {
            throw new AssertionError("five calls at a rate of two per second all passed");
        }
        refused.body("error.code", equalTo(429)).body("error.status", equalTo("RESOURCE_EXHAUSTED"));
    }
}
