package nl.weerthuis.kernel.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date the domain plans ahead with (a scheduled flip, an indication's end, a target date): it may lie up to the
 * planning horizon in the future. Every other business date records something that happened, so not after today.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Planned {
}
