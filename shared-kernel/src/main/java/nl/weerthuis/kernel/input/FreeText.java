package nl.weerthuis.kernel.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text a person writes in their own words (grounds, notes, wishes): it may hold tabs and line breaks, and up to
 * {@link StrictInput#FREE_TEXT_MAX} characters unless a {@code @Size(max)} says less. Every other text is one line.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
