package news.moderation.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private TextRules.Kind kind;

    @Override
    public void initialize(PlainText annotation) {
        kind = annotation.multiline() ? TextRules.Kind.MULTILINE : TextRules.Kind.LINE;
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        return text == null || TextRules.allows(kind, text);
    }
}
