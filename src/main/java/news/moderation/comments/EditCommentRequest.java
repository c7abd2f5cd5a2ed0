package news.moderation.comments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.NameOrId;
import news.moderation.platform.validation.PlainText;

/**
 * What a site sends when an author edits their comment: who is editing (the site vouches for it, as it does for the
 * author of a new comment) and the new body. The body's length limit is a setting, checked in {@link CommentService}.
 */
public record EditCommentRequest(
        @NotBlank @Size(max = 200) @NameOrId String authorId,
        @NotNull @PlainText(multiline = true) String body) {
}
