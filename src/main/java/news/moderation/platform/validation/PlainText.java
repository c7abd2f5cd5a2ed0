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
 * Text a person could have typed: no control characters (line breaks and tabs only where {@link #multiline}), no
 * lone surrogate halves, no Unicode non-characters ({@link TextRules}). Names and ids are {@link NameOrId}. Null is
 * left to {@code @NotNull}.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    String message() default "must not contain control characters or invalid Unicode";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
