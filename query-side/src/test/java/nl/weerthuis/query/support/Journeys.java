package nl.weerthuis.query.support;

import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationExtendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.careindication.ScaleDirection;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.ErasureGround;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyAgreementsRecordedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random journeys, each client's events in order, the clients' interleaved at random, and an event now and then handled
 * twice: for tests that a read model written per batch holds what the same events one by one give.
 */
public final class Journeys {

    public final List<EventMessage<?>> events = new ArrayList<>();
    public final List<String> clients = new ArrayList<>();
    public final List<String> kept = new ArrayList<>();
    /** Clients whose erasure is among the events (some with their key still there, as when handled live). */
    public final List<String> erased = new ArrayList<>();
    /** Clients whose key is gone before their events are read (a catch-up; some have their erasure to come). */
    public final List<String> keyGone = new ArrayList<>();
    private final Random random;
    private final PersonalDataCipher cipher;
    private LocalDate day = LocalDate.of(2024, 1, 1);

    public Journeys(Random random, int clients, PersonalDataCipher cipher) {
        this.random = random;
        this.cipher = cipher;
        List<LinkedList<Object>> journeys = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String client = UUID.randomUUID().toString();
            this.clients.add(client);
            int fate = c == 0 ? 9 : random.nextInt(6);
            if (fate <= 1) {
                erased.add(client);
            }
            if (fate == 1 || fate == 2) {
                keyGone.add(client);
            }
            if (fate > 2) {
                kept.add(client);
            }
            journeys.add(journey(client, fate <= 1));
        }
        while (!journeys.isEmpty()) {
            LinkedList<Object> next = journeys.get(random.nextInt(journeys.size()));
            EventMessage<?> event = GenericEventMessage.asEventMessage(next.removeFirst())
                    .andMetaData(MetaData.with(MetadataKeys.ACTOR_ORGANISATION, "org-" + random.nextInt(3)));
            events.add(event);
            if (random.nextInt(20) == 0) {
                events.add(event); // handled twice
            }
            if (next.isEmpty()) {
                journeys.remove(next);
            }
        }
    }

    private LinkedList<Object> journey(String client, boolean erase) {
        LinkedList<Object> events = new LinkedList<>();
        String provider = "prov-" + random.nextInt(3);
        events.add(new ClientRegisteredEvent(client, CareSetting.SHELTER, "Facility", "Twente", "Almelo", provider,
                day(), null));
        String indication = UUID.randomUUID().toString();
        events.add(new IndicationGrantedEvent(indication, client, pick(IndicationType.values()), 4, provider, "Twente",
                day(), day().plusYears(1)));
        if (random.nextBoolean()) {
            events.add(new IndicationScaledEvent(indication, client, ScaleDirection.UP, 4, 8, day(), seal(client, "more")));
            events.add(new IndicationExtendedEvent(indication, client, day, day().plusYears(2), seal(client, "longer")));
        }
        // the purpose the partner feed asks consent for, or another
        String purpose = random.nextBoolean() ? "goed-huurderschap" : "purpose-1";
        events.add(new ConsentGivenEvent(client, "corp", purpose, day()));
        if (random.nextBoolean()) {
            events.add(new ConsentWithdrawnEvent(client, "corp", purpose, day()));
            if (random.nextBoolean()) {
                events.add(new ConsentGivenEvent(client, "corp", purpose, day()));
            }
        }
        for (int stay = 0; stay < 2; stay++) {
            String tenancy = UUID.randomUUID().toString();
            Dwelling dwelling = new Dwelling(seal(client, "Straat " + stay), "Almelo", "Wijk");
            events.add(new DwellingOfferedEvent(tenancy, client, "corp", provider, pick(LeaseForm.values()), dwelling,
                    "Twente", random.nextBoolean(), day(), day, "agr", 1, Period.ofMonths(3)));
            if (random.nextInt(4) == 0) {
                events.add(new OfferRefusedEvent(tenancy, client, day(), seal(client, "no")));
                continue;
            }
            events.add(new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, "corp", LeaseHolder.CARE_PROVIDER,
                    provider, dwelling, "Twente", day()));
            events.add(new MovedInEvent(tenancy, client, day(), LeaseForm.TRIPARTITE, "corp", provider, "Twente",
                    "Almelo", "Wijk", "agr", 1, Period.ofMonths(6), Period.ofMonths(12)));
            LocalDate recorded = day();
            events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed with " + client), recorded));
            if (random.nextBoolean()) {
                // the same day again: replaces the first
                events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed again with " + client),
                        recorded));
            }
            events.add(new SignalRaisedEvent(tenancy, client, "s1", pick(SignalKind.values()), "org",
                    random.nextBoolean() ? null : OrganisationType.CARE_PROVIDER, pick(Severity.values()),
                    seal(client, "signal of " + client), day()));
            if (random.nextBoolean()) {
                events.add(new SignalResolvedEvent(tenancy, client, "s1", SignalKind.values()[0], Severity.values()[0],
                        day, day(), seal(client, "resolved")));
            }
            if (random.nextBoolean()) {
                events.add(new ContractFlippedEvent(tenancy, client, day(), LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT,
                        true, "corp", provider, "Twente", "agr", 1, seal(client, "grounds")));
            }
            if (random.nextBoolean()) {
                events.add(new TenancyEndedEvent(tenancy, client, pick(TenancyEndReason.values()), day(), "corp",
                        provider, "Twente", seal(client, "grounds")));
            }
        }
        if (random.nextBoolean()) {
            events.add(new IndicationEndedEvent(indication, client, pick(IndicationEndReason.values()), day(), provider,
                    seal(client, "ended")));
        }
        if (erase) {
            events.add(new PersonalDataErasedEvent(client, ErasureGround.CLIENT_REQUEST, day()));
        }
        // the first client always ends with agreements recorded twice, for the assertion on what stays readable
        if (clients.size() == 1) {
            String tenancy = UUID.randomUUID().toString();
            events.add(new DwellingOfferedEvent(tenancy, client, "corp", provider, LeaseForm.TRIPARTITE,
                    new Dwelling(seal(client, "Laan 1"), "Almelo", "Wijk"), "Twente", false, day(), day, "agr", 1,
                    Period.ofMonths(3)));
            events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed with " + client), day));
            events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed again with " + client), day));
            events.add(new SignalRaisedEvent(tenancy, client, "s9", SignalKind.values()[0], "org", null,
                    Severity.values()[0], seal(client, "signal of " + client), day()));
        }
        return events;
    }

    private String seal(String client, String text) {
        return cipher.seal(client, text);
    }

    private LocalDate day() {
        day = day.plusDays(1 + random.nextInt(20));
        return day;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
