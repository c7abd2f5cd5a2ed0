package news.moderation.appeals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.PlainText;

/** An appellant's complaint, as their site forwards it: why the contested decision is wrong. */
public record AppealRequest(@NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
}
