package nl.weerthuis.query.eventsource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Each event handler runs in a savepoint of its batch's transaction. PostgreSQL aborts a whole transaction on the
 * first failed statement; without the savepoint, one event the read store refuses would fail its whole batch and
 * the batch would fail again on every retry. With it, only that event's writes are undone, it is parked in the
 * dead-letter queue within the same transaction, and the rest of the batch commits. Handlers that run no SQL per
 * event ({@link WritesPerUnitOfWork}) go without.
 */
class EachEventInASavepoint implements HandlerEnhancerDefinition {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;

    EachEventInASavepoint(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || original.declaringClass().isAnnotationPresent(WritesPerUnitOfWork.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                TransactionStatus savepoint = transactions.getTransaction(NESTED);
                try {
                    Object result = super.handle(message, target);
                    transactions.commit(savepoint);
                    return result;
                } catch (Exception | Error failure) {
                    transactions.rollback(savepoint);
                    throw failure;
                }
            }
        };
    }
}
