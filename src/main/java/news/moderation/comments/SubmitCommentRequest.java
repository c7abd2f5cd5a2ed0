package news.moderation.comments;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.NameOrId;
import news.moderation.platform.validation.PlainText;
import news.moderation.ruleset.Language;

/**
 * What a site sends for a new comment. Status and verdict are not fields: unknown fields are refused, so a client can
 * never set them. The body's length limit is a setting, checked in {@link CommentService}.
 */
public record SubmitCommentRequest(
        @NotBlank @Size(max = 200) @NameOrId String articleId,
        @NotBlank @Size(max = 200) @NameOrId String authorId,
        @NotBlank @Size(max = 200) @NameOrId String authorName,
        @NotNull @PlainText(multiline = true) String body,
        UUID parentId,
        // The column holds 16 characters; a longer tag would be refused by the database, after the 400 was due.
        @Size(max = 16) @Pattern(regexp = Language.TAG, message = Language.MESSAGE) String lang) {
}
