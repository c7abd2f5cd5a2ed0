package news.moderation.comments;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An Idempotency-Key header: 1 to 200 printable ASCII characters without spaces; absent is allowed. Each broken rule
 * is reported on its own, as if both were written on the parameter. One annotation rather than the two: the REST layer
 * reads the submission method's parameter annotations again for every request that has a body, and each annotation it
 * reads is allocated anew.
 */
@Retention(RUNTIME)
@Target(PARAMETER)
@Constraint(validatedBy = {})
@Size(min = 1, max = 200)
@Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
public @interface IdempotencyKey {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
