package nl.weerthuis.query.eventsource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A projection whose event handlers run no SQL of their own: they only feed {@link UnitOfWorkBatch}es, which write
 * at commit (and, for an event written alone, in a savepoint of their own). Its handlers are not put in a savepoint
 * each ({@link EachEventInASavepoint}): that would be two round trips per event for nothing to undo.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesPerUnitOfWork {
}
