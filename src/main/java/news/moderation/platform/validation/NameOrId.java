package news.moderation.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A name or an id: {@link PlainText} on one line, and nothing invisible or direction-changing (format characters such
 * as U+202E or U+200B, line and paragraph separators), so that what a moderator sees is what is stored. See
 * {@link TextRules}. Null is left to {@code @NotNull}.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = NameOrIdValidator.class)
public @interface NameOrId {

    String message() default TextRules.NAME_OR_ID_REFUSED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
