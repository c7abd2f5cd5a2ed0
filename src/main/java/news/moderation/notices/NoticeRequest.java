package news.moderation.notices;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.PlainText;

/**
 * A notice of illegal content with what Art. 16(2) asks of it: the notifier's name and e-mail address, why the
 * comment is illegal and under which law (the comment itself is the one in the path), and the statement that the
 * notice is made in good faith.
 */
public record NoticeRequest(@NotBlank @Size(max = 200) @PlainText String notifierName,
        @NotBlank @Size(max = 320) @Email String notifierEmail,
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String explanation,
        @NotBlank @Size(max = 500) @PlainText String legalGround,
        @NotNull @AssertTrue(message = "must be true: the notifier confirms the notice is made in good faith")
        Boolean goodFaith) {
}
