package news.moderation.appeals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/** An appeal after moderation.appeals.window is refused with a problem that says when the window closed. */
@QuarkusTest
@TestProfile(AppealWindowTest.ShortWindow.class)
@WithTestResource(EmbeddedPostgresResource.class)
class AppealWindowTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.appeals.window", "5s");
        }
    }

    @Test
    void anAppealAfterTheWindowIsRefused() throws InterruptedException {
        Site site = Sites.create("appeal-window");
        String early = site.submitted("window-article", "window-author", "fuck you");
        String late = site.submitted("window-article", "window-author", "fuck off");
        AppealRoundTripTest.appeal(site, early, "in time").statusCode(201);

        Thread.sleep(5_500);
        AppealRoundTripTest.appeal(site, late, "too late").statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("The appeal window closed at"))
                .body("detail", containsString("within PT5S of it"))
                .body("errors[0].field", equalTo("commentId"));
    }
}
