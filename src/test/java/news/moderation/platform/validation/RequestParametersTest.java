package news.moderation.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.RawHttp;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.sites.Sites;

/**
 * Characters outside the Basic Multilingual Plane in parameters: checked as the characters they are, whether
 * percent-encoded or, should the HTTP layer ever hand one over as it was sent, unencoded.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestParametersTest {

    /** U+E0001 LANGUAGE TAG: a format character, invisible, outside the BMP. */
    private static final String LANGUAGE_TAG = Character.toString(0xE0001);
    private static final String GRINNING_FACE = Character.toString(0x1F600);

    @TestHTTPResource("/")
    URL server;

    @Test
    void anUnencodedCharacterOutsideTheBmpIsDecodedAsThatCharacter() {
        assertEquals("a" + GRINNING_FACE + "b", RequestParameters.decode("a" + GRINNING_FACE + "b"));
        assertEquals("a" + LANGUAGE_TAG + "%", RequestParameters.decode("a" + LANGUAGE_TAG + "%25"));
    }

    @Test
    void anUnpairedSurrogateHalfIsBrokenText() {
        assertNull(RequestParameters.decode("a\ud83d%41"));
        assertNull(RequestParameters.decode("a\ude00"));
    }

    @Test
    void anInvisibleCharacterOutsideTheBmpIsRefusedWithAProblemNamingTheParameter() throws IOException {
        RawHttp.Answer answer = get("/api/v1/articles/a%F3%A0%80%81b/comments");

        assertEquals(400, answer.status(), answer::body);
        assertTrue(answer.body().contains("\"field\":\"articleId\""), answer::body);
    }

    @Test
    void anEmojiIsAnArticleId() throws IOException {
        assertEquals(200, get("/api/v1/articles/a%F0%9F%98%80b/comments").status());
    }

    /**
     * The HTTP layer itself (Netty's request-line parser) refuses bytes beyond ASCII in the request line, before any
     * filter: that is why {@link #anUnencodedCharacterOutsideTheBmpIsDecodedAsThatCharacter} is checked on the decoder.
     */
    @Test
    void anUnencodedCharacterOutsideTheBmpInTheRequestLineIsRefusedBeforeTheService() throws IOException {
        assertEquals(400, get("/api/v1/articles/a" + GRINNING_FACE + "b/comments").status());
        assertEquals(400, get("/api/v1/articles/a/comments?cursor=a" + LANGUAGE_TAG + "b").status());
    }

    private RawHttp.Answer get(String target) throws IOException {
        Sites.Site site = Sites.create("raw-parameters");
        // RawHttp writes the head as ISO-8859-1, one byte per char: the target's UTF-8 bytes go out as they are.
        String bytesAsChars = new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return RawHttp.send(server, "GET " + bytesAsChars + " HTTP/1.1\r\nX-Api-Key: " + site.key(), new byte[0]);
    }
}
