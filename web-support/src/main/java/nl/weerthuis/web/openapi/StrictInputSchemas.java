package nl.weerthuis.web.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import nl.weerthuis.kernel.input.FreeText;
import nl.weerthuis.kernel.input.Planned;
import nl.weerthuis.kernel.input.StrictInput;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;

/**
 * The strict input rules in the request schemas, from the same annotations {@link StrictInput} reads: a text without
 * its own {@code @Size} is at most {@link StrictInput#LINE_MAX} characters on one line, or
 * {@link StrictInput#FREE_TEXT_MAX} for a {@link FreeText}; a date records a fact (not after today) unless it is
 * {@link Planned} (up to the planning horizon ahead).
 */
final class StrictInputSchemas implements PropertyCustomizer {

    /** The names nlgov:specify-format-for-date-and-time takes for dates. */
    private static final java.util.regex.Pattern ADR_DATE_NAME = java.util.regex.Pattern.compile("((\\w+D)|(_[dD]))((ate)|(atum))");

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        boolean freeText = annotated(type, FreeText.class);
        boolean planned = annotated(type, Planned.class);
        if (isType(property, "string") && property.getFormat() == null && property.getEnum() == null) {
            if (property.getMaxLength() == null) {
                property.setMaxLength(freeText ? StrictInput.FREE_TEXT_MAX : StrictInput.LINE_MAX);
            }
            describe(property, freeText ? "Free text: tabs and line breaks allowed, no other control characters."
                    : "One line, without control characters.");
        } else if (isType(property, "boolean") && type.getPropertyName() != null
                && ADR_DATE_NAME.matcher(type.getPropertyName()).find() && property.getFormat() == null) {
            // The ADR linter takes every property named like a date (incomeFromMoveDate: a flag) for one and wants a
            // format; this one is a flag, and says so.
            property.setFormat("boolean");
        } else if (isType(property, "string") && "date".equals(property.getFormat())) {
            describe(property, planned ? "A planned date: not before 1900-01-01, at most the planning horizon (P10Y) ahead."
                    : "A date that happened: not before 1900-01-01, not after today (Europe/Amsterdam).");
        }
        return property;
    }

    private static boolean isType(Schema<?> schema, String name) {
        return name.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(name));
    }

    private static void describe(Schema<?> property, String rule) {
        String described = property.getDescription();
        if (described == null || described.isBlank()) {
            property.setDescription(rule);
        } else if (!described.contains(rule)) {
            property.setDescription(described + " " + rule);
        }
    }

    private static boolean annotated(AnnotatedType type, Class<? extends Annotation> annotation) {
        if (type.getCtxAnnotations() == null) {
            return false;
        }
        for (Annotation present : type.getCtxAnnotations()) {
            if (present.annotationType() == annotation) {
                return true;
            }
        }
        return false;
    }
}
