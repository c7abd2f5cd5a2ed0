package news.moderation.comments;

import static news.moderation.comments.Comments.comment;
import static news.moderation.comments.Comments.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.sites.Sites;

/**
 * A comment that is nothing but "Pathetic." attacks the writer it answers; under the article it judges the news. A
 * submission or an edit is judged as a reply when the comment has a parent.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReplyContextTest {

    static final String BARE_VERDICT = "Pathetic.";

    @Test
    void aBareVerdictIsHeldAsAReplyAndPublishedUnderTheArticle() {
        String parent = submit(comment("article-reply", BARE_VERDICT)).statusCode(201)
                .body("status", equalTo("PUBLISHED"))
                .body("verdict.decision", equalTo("ALLOW"))
                .extract().path("id");

        Map<String, Object> reply = comment("article-reply", BARE_VERDICT);
        reply.put("parentId", parent);
        submit(reply).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("verdict.decision", equalTo("REVIEW"))
                .body("verdict.matches.ruleId", hasItem("en.personal_attack.bare-insult-reply"));
    }

    @Test
    void anEditIsJudgedAsAReplyWhenTheCommentAnswersAnother() {
        Sites.Site site = Sites.create("reply-edits");
        String parent = site.submit(comment("article-reply-edit", "author-top", "A fair report.")).statusCode(201)
                .extract().path("id");
        Map<String, Object> reply = comment("article-reply-edit", "author-reply", "I disagree.");
        reply.put("parentId", parent);
        String replyId = site.submit(reply).statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("id");

        CommentRevisionTest.edit(site, parent, "author-top", BARE_VERDICT).statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("verdict.decision", equalTo("ALLOW"));
        CommentRevisionTest.edit(site, replyId, "author-reply", BARE_VERDICT).statusCode(200)
                .body("verdict.decision", equalTo("REVIEW"))
                .body("verdict.matches.ruleId", hasItem("en.personal_attack.bare-insult-reply"));
    }
}
