package news.moderation.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ClaimConcurrencyTest {

    static final int COMMENTS = 60;
    static final int MODERATORS = 8;

    @Test
    void concurrentClaimsNeverHandOutAnItemTwiceAndLoseNone() throws Exception {
        for (int i = 0; i < COMMENTS; i++) {
            Comments.submit(Comments.comment("article-claims", "author-claims-" + i, "You are an idiot, " + i))
                    .statusCode(201);
        }
        Set<String> waiting = new HashSet<>(given().auth().oauth2(Tokens.moderator())
                .queryParam("limit", 100).queryParam("articleId", "article-claims")
                .get("/api/v1/moderation/queue").then().statusCode(200).extract().<List<String>>path("items.comment.id"));
        assertEquals(COMMENTS, waiting.size(), "the queue holds the new comments");

        record Claim(String moderator, int version) {
        }
        Map<String, Claim> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(MODERATORS);
        List<Future<?>> moderators = new ArrayList<>();
        for (int m = 0; m < MODERATORS; m++) {
            String name = "claimer-" + m;
            String token = Tokens.of(name, "moderator");
            moderators.add(pool.submit(() -> {
                while (true) {
                    List<Map<String, Object>> items = given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("limit", 3)).post("/api/v1/moderation/queue/claim")
                            .then().statusCode(200).extract().path("$");
                    if (items.isEmpty()) {
                        return null;
                    }
                    for (Map<String, Object> item : items) {
                        String id = (String) ((Map<?, ?>) item.get("comment")).get("id");
                        if (claimedBy.putIfAbsent(id, new Claim(name, (Integer) item.get("version"))) != null) {
                            synchronized (duplicates) {
                                duplicates.add(id);
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> moderator : moderators) {
            moderator.get();
        }
        pool.shutdown();

        assertEquals(List.of(), duplicates, "no item is handed to two moderators");
        assertTrue(claimedBy.keySet().containsAll(waiting), "every waiting item was handed out");

        // Clean up: each claimer approves what it holds, so other tests find an unclaimed queue.
        claimedBy.forEach((id, claim) -> given().auth().oauth2(Tokens.of(claim.moderator(), "moderator"))
                .contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "reasonCode", "ACCEPTABLE", "expectedVersion", claim.version()))
                .post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(200));
    }
}
