package nl.weerthuis.command.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.weerthuis.kernel.identity.OrganisationId;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.organisation.ChangeOrganisationRegionsCommand;
import nl.weerthuis.kernel.organisation.ChangeOrganisationTypeCommand;
import nl.weerthuis.kernel.organisation.OrganisationRegionsChangedEvent;
import nl.weerthuis.kernel.organisation.OrganisationRegisteredEvent;
import nl.weerthuis.kernel.organisation.OrganisationRenamedEvent;
import nl.weerthuis.kernel.organisation.OrganisationTypeChangedEvent;
import nl.weerthuis.kernel.organisation.RegisterOrganisationCommand;
import nl.weerthuis.kernel.organisation.RenameOrganisationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One organisation of the register, under its number (OIN or KvK): the number is how tokens, events and read
 * models name it, so it is the aggregate's identity and never changes; its name, kind and regions do, each as an
 * event (a change of an unregistered number is a 404: only a registration creates one). Who may keep the register (the operator's ADMIN) is the web layer's rule; what the register holds is this.
 * A change to what already holds appends nothing, so a repeated administration step is harmless.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Organisation {

    @AggregateIdentifier
    private String organisationId;
    private String name;
    private OrganisationType type;
    private List<String> regions;

    protected Organisation() {
    }

    /** Loaded when the number is already registered, so a second registration is a named rule, not a store error. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterOrganisationCommand command) {
        require(organisationId == null, "ORGANISATION_REGISTERED_ONCE",
                "organisation " + command.organisationId() + " is already registered; rename it or change it instead");
        require(OrganisationId.isValid(command.organisationId()), "ORGANISATION_NUMBER",
                "an organisation is registered under its OIN (20 digits) or KvK number (8 digits)");
        requireText(command.name(), "ORGANISATION_NEEDS_NAME", "an organisation needs a name");
        require(command.type() != null, "ORGANISATION_NEEDS_TYPE", "an organisation is of a type");
        apply(new OrganisationRegisteredEvent(command.organisationId(), command.name().strip(), command.type(),
                distinct(command.regions())));
    }

    @CommandHandler
    void handle(RenameOrganisationCommand command) {
        requireText(command.name(), "ORGANISATION_NEEDS_NAME", "an organisation needs a name");
        if (!command.name().strip().equals(name)) {
            apply(new OrganisationRenamedEvent(organisationId, command.name().strip()));
        }
    }

    @CommandHandler
    void handle(ChangeOrganisationTypeCommand command) {
        require(command.type() != null, "ORGANISATION_NEEDS_TYPE", "an organisation is of a type");
        if (command.type() != type) {
            apply(new OrganisationTypeChangedEvent(organisationId, command.type()));
        }
    }

    @CommandHandler
    void handle(ChangeOrganisationRegionsCommand command) {
        List<String> changed = distinct(command.regions());
        if (!changed.equals(regions)) {
            apply(new OrganisationRegionsChangedEvent(organisationId, changed));
        }
    }

    /**
     * Regions in the order given, each once, without surrounding blanks; a blank region is no region. Every
     * organisation works somewhere (a national one, such as the inspectorate, in "Nederland").
     */
    private static List<String> distinct(List<String> regions) {
        require(regions != null && !regions.isEmpty(), "ORGANISATION_NEEDS_REGION",
                "an organisation works in at least one region");
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String region : regions == null ? List.<String>of() : regions) {
            requireText(region, "ORGANISATION_REGION_NAMED", "a region has a name");
            unique.add(region.strip());
        }
        return new ArrayList<>(unique);
    }

    @EventSourcingHandler
    void on(OrganisationRegisteredEvent event) {
        organisationId = event.organisationId();
        name = event.name();
        type = event.type();
        regions = List.copyOf(event.regions());
    }

    @EventSourcingHandler
    void on(OrganisationRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganisationTypeChangedEvent event) {
        type = event.type();
    }

    @EventSourcingHandler
    void on(OrganisationRegionsChangedEvent event) {
        regions = List.copyOf(event.regions());
    }
}
