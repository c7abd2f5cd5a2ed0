package news.moderation.integrations.coral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import news.moderation.engine.JudgingContext;
import news.moderation.platform.validation.NameOrId;
import news.moderation.platform.validation.PlainText;

/**
 * Coral's external moderation request (EXTERNAL_MODERATION_PHASES.md). Fields this service does not use (story.url,
 * tenantID, tenantDomain, tenant, and whatever later Coral versions add) are ignored. There is no comment id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CoralRequest(@NotNull Action action, @NotNull @Valid Comment comment, @NotNull @Valid Author author,
        @NotNull @Valid Story story, @NotNull @Valid Site site) {

    enum Action {
        NEW, EDIT
    }

    /**
     * {@code parentID} is Coral's id, which means nothing here (replies are stored as comments on the story) except
     * that the comment answers another one, which is how it is judged.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Comment(@NotNull @PlainText(multiline = true) String body, String parentID) {

        JudgingContext context() {
            return JudgingContext.of(parentID != null && !parentID.isBlank());
        }
    }

    /**
     * {@code role}: COMMENTER, MEMBER, STAFF, MODERATOR, ADMIN; a string, so that a new role never breaks a call. Coral
     * always sends one: without it, whether the author is trusted is unknown, so the call is refused.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(@NotBlank @Size(max = 200) @NameOrId String id, @NotBlank @Size(max = 50) @NameOrId String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Story(@NotBlank @Size(max = 200) @NameOrId String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Site(@NotBlank @Size(max = 200) @NameOrId String id) {
    }
}
