package nl.weerthuis.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that creates a resource with {@link CommandDispatch#create}: it answers 201 with the new id under
 * {@link #value()}, its {@code Location} and {@code ETag}. What the OpenAPI document says of it ({@link CommandResponses}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Creates {

    /** The name of the new id in the answer, as given to {@link CommandDispatch#create}. */
    String value();
}
