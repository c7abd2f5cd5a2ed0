package news.moderation.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.moderation.events.DomainEvent;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/**
 * Signed webhooks through the HTTP API on real PostgreSQL, to a real receiver on loopback: every event type arrives
 * signed; a receiver that was down gets everything once it is up, in order per comment; racing dispatchers send no
 * event twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void everyEventTypeArrivesSignedWithoutTheAuthorsWords() {
        Site site = Sites.create("hooks-all");
        String author = "hooks-author-" + UUID.randomUUID();
        try (Receiver receiver = new Receiver()) {
            // Down while everything happens, erasure included: what arrives is what the outbox holds at delivery.
            receiver.down();
            JsonPath endpoint = register(site.id(), receiver.url(), DomainEvent.TYPES);
            String secret = endpoint.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);

            String rejected = site.submitted("hooks-article", author, "fuck you");
            String reported = site.submitted("hooks-article", author, "A calm and reasonable comment.");
            for (int reader = 0; reader < 3; reader++) {
                site.call().contentType(ContentType.JSON)
                        .body(Map.of("reporterId", "reader-" + reader, "reason", "rude to me"))
                        .post("/api/v1/comments/{id}/reports", reported).then().statusCode(201);
            }
            decide(reported, "REJECT", "INSULT", "private moderator note");
            given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                    .body(Map.of("status", "PREMODERATED", "reason", "standing reason to erase"))
                    .queryParam("siteId", site.id())
                    .post("/api/v1/moderation/authors/{a}/status", author).then().statusCode(200);
            given().auth().oauth2(Tokens.admin()).queryParam("siteId", site.id())
                    .delete("/api/v1/moderation/authors/{a}", author).then().statusCode(200);
            awaitFailedAttempts(endpoint.getString("endpoint.id"), 1);
            receiver.up();

            // judged x2, reported x3, status changed x2 (readers, moderator), standing changed, erased
            List<Receiver.Received> received = receiver.await(r -> distinctIds(r).size() >= 9, PATIENCE);
            // Notices' and appeals' events arrive the same way (appeals/AppealRoundTripTest, notices/NoticeTest).
            assertEquals(DomainEvent.TYPES.stream().filter(t -> t.startsWith("comment.") || t.startsWith("author."))
                    .collect(Collectors.toSet()),
                    received.stream().map(r -> r.json().get("type").asText()).collect(Collectors.toSet()));
            for (Receiver.Received r : received) {
                assertTrue(Signatures.verifies(r.signature(), r.body(), secret), r.signature() + " " + r.body());
                assertEquals(r.eventId(), r.json().get("id").asText());
                assertEquals(site.id(), r.json().get("siteId").asText());
                assertFalse(r.body().contains("fuck you") || r.body().contains("calm and reasonable")
                        || r.body().contains("A Reader") || r.body().contains("rude to me")
                        || r.body().contains("private moderator note") || r.body().contains("standing reason"),
                        r.body());
            }
            JsonNode judged = only(received, "comment.judged", rejected).get("data");
            assertEquals("REJECT", judged.get("decision").asText());
            assertEquals("REJECTED", judged.get("status").asText());
            assertTrue(judged.get("ruleIds").size() > 0, judged.toString());
            assertTrue(judged.get("rulesetVersion").asText().startsWith("sha256:"), judged.toString());

            List<JsonNode> changes = ofType(received, "comment.status_changed").stream().map(j -> j.get("data"))
                    .toList();
            assertEquals(List.of("READERS_REPORTS", "MODERATOR_DECISION"),
                    changes.stream().map(c -> c.get("cause").asText()).toList());
            JsonNode decision = changes.get(1);
            assertEquals("REPORTED", decision.get("fromStatus").asText());
            assertEquals("REJECTED", decision.get("toStatus").asText());
            assertEquals("mo-moderator", decision.get("actor").asText());
            assertEquals("INSULT", decision.get("reasonCode").asText());
            assertTrue(decision.get("note").isNull(), "erased before it was delivered: " + decision);
            assertEquals(3, ofType(received, "comment.reported").get(2).get("data").get("reportCount").asInt());
            JsonNode standing = ofType(received, "author.standing_changed").get(0).get("data");
            assertEquals("PREMODERATED", standing.get("toStanding").asText());
            assertEquals(2, ofType(received, "author.erased").get(0).get("data").get("commentsErased").asInt());

            // The delivery log: every delivery went through, after 503s while the receiver was down.
            JsonPath log = given().auth().oauth2(Tokens.admin())
                    .get("/api/v1/admin/webhooks/{id}/deliveries", endpoint.getString("endpoint.id")).then()
                    .statusCode(200).body("", hasSize(9)).extract().jsonPath();
            assertEquals(List.of("DELIVERED"), log.getList("state").stream().distinct().toList());
            for (int i = 0; i < 9; i++) {
                List<Map<String, Object>> attempts = log.getList("[" + i + "].attempts");
                assertEquals(204, attempts.get(attempts.size() - 1).get("httpStatus"));
                assertTrue(((Number) attempts.get(0).get("latencyMs")).longValue() >= 0);
            }
            assertTrue(log.getList("attempts.httpStatus").stream().flatMap(s -> ((List<?>) s).stream())
                    .anyMatch(s -> Integer.valueOf(503).equals(s)), "the receiver's 503s are in the log");
        }
    }

    @Test
    void aReceiverThatWasDownGetsEveryEventInOrderPerComment() {
        Site site = Sites.create("hooks-down");
        try (Receiver receiver = new Receiver()) {
            receiver.down();
            String endpointId = register(site.id(), receiver.url(),
                    List.of("comment.judged", "comment.status_changed")).getString("endpoint.id");
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = site.submitted("hooks-down-article", "down-author-" + i, "you are a moron " + i);
                comments.add(id);
            }
            for (String id : comments) {
                decide(id, "APPROVE", "ACCEPTABLE", null);
                decide(id, "REJECT", "INSULT", null);
                decide(id, "APPROVE", "FALSE_POSITIVE", null);
            }
            // Let the dispatcher fail and back off a few times.
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}/deliveries", endpointId).then()
                    .statusCode(200).body("", hasSize(12));
            awaitFailedAttempts(endpointId, 3);
            receiver.up();

            List<Receiver.Received> received = receiver.await(r -> distinctIds(r).size() >= 12, PATIENCE);
            Map<String, List<JsonNode>> firstArrivals = new LinkedHashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Receiver.Received r : received) {
                if (seen.add(r.eventId())) {
                    firstArrivals.computeIfAbsent(r.json().get("commentId").asText(), c -> new ArrayList<>())
                            .add(r.json());
                }
            }
            assertEquals(Set.copyOf(comments), firstArrivals.keySet());
            for (List<JsonNode> events : firstArrivals.values()) {
                List<Long> sequences = events.stream().map(e -> e.get("sequence").asLong()).toList();
                assertEquals(sequences.stream().sorted().toList(), sequences, "in order: " + events);
                assertEquals(List.of("comment.judged", "comment.status_changed", "comment.status_changed",
                        "comment.status_changed"), events.stream().map(e -> e.get("type").asText()).toList());
                assertEquals(List.of("PUBLISHED", "REJECTED", "PUBLISHED"), events.stream().skip(1)
                        .map(e -> e.get("data").get("toStatus").asText()).toList());
            }
        }
    }

    @Test
    void racingDispatchersSendNoEventTwice() throws Exception {
        Site site = Sites.create("hooks-race");
        try (Receiver receiver = new Receiver()) {
            receiver.down(); // nothing goes out while the events pile up
            register(site.id(), receiver.url(), List.of("comment.judged"));
            int events = 40;
            for (int i = 0; i < events; i++) {
                site.submitted("hooks-race-article", "race-author-" + i, "Comment number " + i);
            }
            receiver.delay(Duration.ofMillis(10));
            receiver.up();
            // Two dispatchers at once (with the scheduled one besides), until everything is out.
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (int racer = 0; racer < 2; racer++) {
                racers.add(CompletableFuture.runAsync(() -> {
                    while (distinctIds(receiver.received()).size() < events) {
                        dispatcher.dispatchDue();
                    }
                }));
            }
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS);
            Map<String, Long> deliveriesPerEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(Receiver.Received::eventId, Collectors.counting()));
            assertEquals(events, deliveriesPerEvent.size());
            assertEquals(Map.of(), deliveriesPerEvent.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    @Test
    void aRotationSignsWithBothSecretsAndARedeliveryResendsTheSameEvent() {
        Site site = Sites.create("hooks-rotate");
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = register(site.id(), receiver.url(), List.of("comment.judged"));
            String endpointId = endpoint.getString("endpoint.id");
            String oldSecret = endpoint.getString("secret");
            String rotated = given().auth().oauth2(Tokens.admin())
                    .post("/api/v1/admin/webhooks/{id}/rotate", endpointId).then().statusCode(200)
                    .body("endpoint.previousSecretExpiresAt", notNullValue()).extract().path("secret");
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}", endpointId).then()
                    .statusCode(200).body("secret", nullValue()).body("url", equalTo(receiver.url()));

            site.submitted("hooks-rotate-article", "rotate-author", "Hello after the rotation");
            Receiver.Received first = receiver.await(r -> r.size() >= 1, PATIENCE).get(0);
            assertEquals(2, Signatures.v1(first.signature()).size(), first.signature());
            assertTrue(Signatures.verifies(first.signature(), first.body(), rotated));
            assertTrue(Signatures.verifies(first.signature(), first.body(), oldSecret));

            String deliveryId = given().auth().oauth2(Tokens.admin())
                    .get("/api/v1/admin/webhooks/{id}/deliveries", endpointId).then().statusCode(200)
                    .extract().path("[0].id");
            awaitDelivered(deliveryId, 1);
            given().auth().oauth2(Tokens.admin())
                    .post("/api/v1/admin/webhooks/deliveries/{id}/redeliver", deliveryId).then().statusCode(200)
                    .body("state", equalTo("PENDING"));
            Receiver.Received again = receiver.await(r -> r.size() >= 2, PATIENCE).get(1);
            assertEquals(first.eventId(), again.eventId());
            awaitDelivered(deliveryId, 2);

            given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/webhooks/{id}", endpointId).then()
                    .statusCode(204);
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}", endpointId).then()
                    .statusCode(404);
        }
    }

    @Test
    void registrationsAreRefusedForUnknownEventTypesAndNonHttpUrls() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", "s", "url", "http://127.0.0.1:9/x", "eventTypes", List.of("comment.eaten")))
                .post("/api/v1/admin/webhooks").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("eventTypes"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", "s", "url", "ftp://example.com/x", "eventTypes", List.of("comment.judged")))
                .post("/api/v1/admin/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/admin/webhooks").then().statusCode(403);
    }

    static JsonPath register(String siteId, String url, List<String> eventTypes) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "url", url, "eventTypes", eventTypes))
                .post("/api/v1/admin/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("endpoint.siteId", equalTo(siteId))
                .extract().jsonPath();
    }

    private static void decide(String commentId, String action, String reasonCode, String note) {
        int version = given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", commentId)
                .then().statusCode(200).extract().path("version");
        Map<String, Object> decision = new HashMap<>();
        decision.put("action", action);
        decision.put("reasonCode", reasonCode);
        decision.put("expectedVersion", version);
        if (note != null) {
            decision.put("note", note);
        }
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/moderation/comments/{id}/decision", commentId).then().statusCode(200);
    }

    /**
     * Waits until a delivery is logged as delivered after {@code attempts} attempts: the receiver sees the request
     * before the dispatcher has committed its outcome, so the log lags the receiver a little.
     */
    private static void awaitDelivered(String deliveryId, int attempts) {
        awaitLog(() -> given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/deliveries/{id}", deliveryId)
                .then().statusCode(200).extract().jsonPath(),
                delivery -> "DELIVERED".equals(delivery.getString("state"))
                        && delivery.getList("attempts").size() == attempts,
                "delivered after " + attempts + " attempts");
    }

    /** Waits until the delivery log holds {@code count} attempts the receiver answered 503. */
    private static void awaitFailedAttempts(String endpointId, int count) {
        awaitLog(() -> given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}/deliveries", endpointId)
                .then().statusCode(200).extract().jsonPath().getList("attempts.httpStatus").stream()
                .flatMap(s -> ((List<?>) s).stream()).toList(),
                statuses -> statuses.stream().filter(s -> Integer.valueOf(503).equals(s)).count() >= count,
                count + " failed attempts logged");
    }

    /** Reads the delivery log until {@code done} holds, for at most {@link #PATIENCE}. */
    private static <T> void awaitLog(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T log = read.get();
            if (done.test(log)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "not " + what + ": " + log);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Set<String> distinctIds(List<Receiver.Received> received) {
        return received.stream().map(Receiver.Received::eventId).collect(Collectors.toSet());
    }

    /** First arrivals of a type, in the order of their sequence. */
    private static List<JsonNode> ofType(List<Receiver.Received> received, String type) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        received.stream().map(Receiver.Received::json).filter(j -> j.get("type").asText().equals(type))
                .forEach(j -> byId.putIfAbsent(j.get("id").asText(), j));
        return byId.values().stream()
                .sorted(java.util.Comparator.comparingLong(j -> j.get("sequence").asLong())).toList();
    }

    private static JsonNode only(List<Receiver.Received> received, String type, String commentId) {
        List<JsonNode> matching = ofType(received, type).stream()
                .filter(j -> j.get("commentId").asText().equals(commentId)).toList();
        assertEquals(1, matching.size(), type + " of " + commentId);
        return matching.get(0);
    }
}
