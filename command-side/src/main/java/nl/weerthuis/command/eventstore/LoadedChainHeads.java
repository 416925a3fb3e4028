package nl.weerthuis.command.eventstore;

import nl.weerthuis.kernel.eventstore.HashChainedAppend;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;

/**
 * The hash of the last event each aggregate was loaded from, kept in the command's unit of work: the append that
 * follows chains to it instead of reading it again (a round trip per command on an existing aggregate). Only the
 * exact event is answered for, and only within the unit of work that loaded it.
 */
class LoadedChainHeads implements HashChainedAppend.KnownHashes {

    private static final String RESOURCE = LoadedChainHeads.class.getName();

    private record Head(long sequenceNumber, String hash) {
    }

    /** An event the current unit of work read from the store, with its stored hash. */
    void loaded(String aggregateIdentifier, long sequenceNumber, String hash) {
        if (hash == null || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, Head> heads = CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new HashMap<>());
        heads.merge(aggregateIdentifier, new Head(sequenceNumber, hash),
                (known, read) -> read.sequenceNumber() > known.sequenceNumber() ? read : known);
    }

    @Override
    public String hashOf(String aggregateIdentifier, long sequenceNumber) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Head> heads = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        Head head = heads == null ? null : heads.get(aggregateIdentifier);
        return head != null && head.sequenceNumber() == sequenceNumber ? head.hash() : null;
    }
}
