package nl.weerthuis.kernel.involvement;

import nl.weerthuis.kernel.involvement.InvolvementChange.Began;
import nl.weerthuis.kernel.involvement.InvolvementChange.Ended;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everyone who is or was involved with one client: the fold of {@link InvolvementRules} over the client's events.
 * Immutable; read models that keep involvement in a table apply the same changes with {@link InvolvementTable}.
 */
public final class ClientInvolvements {

    /** How an organisation stands to a client. */
    public enum Standing { INVOLVED, FORMERLY_INVOLVED, NEVER_INVOLVED }

    /** One of the client's events with the organisation that recorded it and when. */
    public record Fact(Object event, String actorOrganisation, Instant recordedAt) {
    }

    private final List<Involvement> all;

    private ClientInvolvements(List<Involvement> all) {
        this.all = List.copyOf(all);
    }

    public static ClientInvolvements none() {
        return new ClientInvolvements(List.of());
    }

    public static ClientInvolvements recorded(List<Involvement> involvements) {
        return new ClientInvolvements(involvements);
    }

    public static ClientInvolvements fold(Iterable<Fact> facts) {
        ClientInvolvements involvements = none();
        for (Fact fact : facts) {
            involvements = involvements.with(InvolvementRules.changesOf(fact.event(), fact.actorOrganisation()),
                    fact.recordedAt());
        }
        return involvements;
    }

    public ClientInvolvements with(List<InvolvementChange> changes, Instant recordedAt) {
        List<Involvement> next = new ArrayList<>(all);
        for (InvolvementChange change : changes) {
            if (change instanceof Began began) {
                Involvement granted = began.involvement();
                boolean already = next.stream().anyMatch(i -> i.active() && i.basis() == granted.basis()
                        && i.organisation().equals(granted.organisation()) && i.reference().equals(granted.reference()));
                if (!already) {
                    next.add(granted);
                }
            } else if (change instanceof Ended ended) {
                next.replaceAll(i -> i.active() && i.basis() == ended.basis() && i.reference().equals(ended.reference())
                        ? i.endedOn(ended.on(), recordedAt) : i);
            }
        }
        return new ClientInvolvements(next);
    }

    public List<Involvement> all() {
        return all;
    }

    public List<Involvement> active() {
        return all.stream().filter(Involvement::active).toList();
    }

    public Standing standingOf(String organisation) {
        List<Involvement> own = all.stream().filter(i -> i.organisation().equals(organisation)).toList();
        if (own.isEmpty()) {
            return Standing.NEVER_INVOLVED;
        }
        return own.stream().anyMatch(Involvement::active) ? Standing.INVOLVED : Standing.FORMERLY_INVOLVED;
    }

    public boolean involves(String organisation) {
        return standingOf(organisation) == Standing.INVOLVED;
    }

    /** When a formerly involved organisation's last involvement ended (recording time); empty otherwise. */
    public Optional<Instant> endOf(String organisation) {
        if (standingOf(organisation) != Standing.FORMERLY_INVOLVED) {
            return Optional.empty();
        }
        return all.stream().filter(i -> i.organisation().equals(organisation)).map(Involvement::endRecordedAt)
                .max(Comparator.naturalOrder());
    }

    public boolean onBasis(String organisation, InvolvementBasis basis) {
        return all.stream().anyMatch(i -> i.active() && i.basis() == basis && i.organisation().equals(organisation));
    }
}
