package news.moderation.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class NameOrIdValidator implements ConstraintValidator<NameOrId, String> {

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return text == null || TextRules.allows(TextRules.Kind.NAME_OR_ID, text);
    }
}
