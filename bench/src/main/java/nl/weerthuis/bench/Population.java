package nl.weerthuis.bench;

import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.client.ArrangementChecklist;
import nl.weerthuis.kernel.client.ArrangementChecklistUpdatedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.MonitoringReviewRecordedEvent;
import nl.weerthuis.kernel.client.HousingWishesRecordedEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.PersonalDetails;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.FlipApprovedEvent;
import nl.weerthuis.kernel.tenancy.FlipParty;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A synthetic but realistic national population, seeded: the 43 BW/MO regions (centrumgemeenten), their
 * municipalities, corporations and providers, an agreement each, and clients whose journeys end where real ones
 * do — most start a trajectory, about half move out and are reviewed half-yearly, some get signals, a flip, an
 * indication and its end. About ten events per client: 100,000 clients make about a million events.
 */
public final class Population {

    public static final int REGIONS = 43;

    public record Generated(int clients, long events, List<String> clientIds, List<String> regions) {
    }

    private final long seed;

    public Population(long seed) {
        this.seed = seed;
    }

    public static String region(int index) {
        return String.format("Regio-%02d", index + 1);
    }

    static String corporation(int region, int n) {
        return String.format("5%02d%05d", region, n);
    }

    static String provider(int region, int n) {
        return String.format("6%02d%05d", region, n);
    }

    public Generated generate(App.Database database, int clients, int threads) {
        return generate(database, 0, clients, threads);
    }

    /**
     * Clients {@code from} (inclusive) to {@code to} (exclusive), so a store can grow in steps; the regions'
     * agreements with the first step. Each task writes its clients' journeys interleaved, in the order they were
     * recorded, as a live system writes them; tasks run side by side.
     */
    public Generated generate(App.Database database, int from, int to, int threads) {
        AtomicLong events = new AtomicLong();
        List<String> regions = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant now = Instant.now();
        try (EventWriter writer = new EventWriter(database, threads + 1)) {
            for (int r = 0; r < REGIONS; r++) {
                regions.add(region(r));
                if (from > 0) {
                    continue;
                }
                AgreementPolicy policy = new AgreementPolicy(Period.ofMonths(3 + r % 4), Period.ofMonths(6),
                        Period.ofMonths(24 + r % 3 * 6), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
                writer.append("RegionalAgreement", agreementId(r), List.of(new AgreementAdoptedEvent(agreementId(r),
                        region(r), "Convenant uitstroom " + region(r), 1, LocalDate.of(2023, 1, 1), policy)),
                        Tokens.MUNICIPALITY, "MUNICIPALITY", Instant.parse("2023-01-01T08:00:00Z"));
                events.incrementAndGet();
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> work = new ArrayList<>();
            // A task's journeys go in one transaction: small enough that readers meanwhile see few gaps in the store.
            int perTask = 100;
            for (int first = from; first < to; first += perTask) {
                int start = first, end = Math.min(to, first + perTask);
                work.add(pool.submit(() -> {
                    List<EventWriter.Stream> streams = new ArrayList<>();
                    for (int i = start; i < end; i++) {
                        ids.add(client(streams, i));
                    }
                    writer.appendInterleaved(streams, now);
                    events.addAndGet(streams.stream().mapToLong(stream -> stream.payloads().size()).sum());
                }));
            }
            for (Future<?> task : work) {
                task.get();
            }
            pool.shutdown();
        } catch (Exception e) {
            throw new IllegalStateException("generating the population failed", e);
        }
        return new Generated(to - from, events.get(), ids, regions);
    }

    /** One aggregate's events being generated, each with the day it is recorded. */
    private static final class Journey {
        private final List<Object> payloads = new ArrayList<>();
        private final List<LocalDate> days = new ArrayList<>();

        void add(Object event, LocalDate on) {
            payloads.add(event);
            days.add(on);
        }

        void addTo(List<EventWriter.Stream> streams, String type, String id, String organisation, String organisationType) {
            if (!payloads.isEmpty()) {
                streams.add(new EventWriter.Stream(type, id, organisation, organisationType, payloads, days));
            }
        }
    }

    private static String agreementId(int region) {
        return UUID.nameUUIDFromBytes(("agreement-" + region).getBytes()).toString();
    }

    /** One client's journey; every choice from a generator seeded by the population seed and the client's number. */
    private String client(List<EventWriter.Stream> streams, int number) {
        Random random = new Random(seed * 1_000_003L + number);
        int r = random.nextInt(REGIONS);
        String region = region(r);
        String municipality = region + "-gemeente-" + (1 + random.nextInt(3));
        String clientId = new UUID(seed, number).toString();
        String provider = provider(r, random.nextInt(2));
        String corporation = corporation(r, random.nextInt(2));
        CareSetting setting = random.nextInt(10) < 4 ? CareSetting.PROTECTED_HOUSING : CareSetting.SHELTER;
        LocalDate registered = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));

        Journey client = new Journey();
        client.add(new ClientRegisteredEvent(clientId, setting, setting == CareSetting.SHELTER ? "Nachtopvang" : "RIBW",
                region, municipality, provider, registered, new PersonalDetails("Client " + number, null,
                LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15000)).toString(), null)), registered);
        Journey tenancy = new Journey();
        Journey indication = new Journey();
        String tenancyId = new UUID(seed + 1, number).toString();
        String indicationId = new UUID(seed + 2, number).toString();
        if (random.nextInt(10) < 8) {
            LocalDate started = registered.plusDays(14 + random.nextInt(120));
            client.add(new OutflowTrajectoryStartedEvent(clientId, setting, region, municipality, started), started);
            client.add(new ArrangementChecklistUpdatedEvent(clientId, new ArrangementChecklist(true, true,
                    random.nextBoolean(), true, true, random.nextInt(10) < 8), started), started);
            client.add(new HousingWishesRecordedEvent(clientId, "quiet street, near the day activity", null, started), started);
            if (random.nextInt(10) < 6) {
                LocalDate offered = started.plusDays(20 + random.nextInt(200));
                LeaseForm form = LeaseForm.values()[random.nextInt(3)];
                LeaseHolder holder = form == LeaseForm.CLIENT_LEASE ? LeaseHolder.CLIENT : LeaseHolder.CARE_PROVIDER;
                Dwelling dwelling = new Dwelling("Straat " + number, municipality, "Wijk-" + (1 + random.nextInt(8)));
                LocalDate movedIn = offered.plusDays(10 + random.nextInt(40));
                tenancy.add(new DwellingOfferedEvent(tenancyId, clientId, corporation, provider, form, dwelling, region,
                        random.nextBoolean(), offered, started, agreementId(r), 1, Period.ofMonths(3 + r % 4)), offered);
                tenancy.add(new OfferAcceptedEvent(tenancyId, clientId, offered.plusDays(3)), offered.plusDays(3));
                tenancy.add(new TenancyStartedEvent(tenancyId, clientId, form, corporation, holder, provider, dwelling,
                        region, movedIn.minusDays(5)), movedIn.minusDays(5));
                tenancy.add(new MovedInEvent(tenancyId, clientId, movedIn, form, corporation, provider, region,
                        municipality, dwelling.neighbourhood(), agreementId(r), 1, Period.ofMonths(6), Period.ofMonths(24)), movedIn);
                client.add(new OutflowRecordedEvent(clientId, tenancyId, movedIn, agreementId(r), 1, Period.ofMonths(6), Period.ofMonths(24)), movedIn);
                if (random.nextInt(10) < 7) {
                    client.add(new ConsentGivenEvent(clientId, corporation, "goed-huurderschap", movedIn), movedIn);
                }
                int reviews = 1 + random.nextInt(4); // half-yearly for two years, as far as the journey got
                for (int review = 1; review <= reviews; review++) {
                    client.add(new MonitoringReviewRecordedEvent(clientId, movedIn.plusMonths(6L * review), "going well"),
                            movedIn.plusMonths(6L * review));
                }
                int signals = random.nextInt(6);
                for (int s = 0; s < signals; s++) {
                    LocalDate raised = movedIn.plusDays(30 + random.nextInt(300));
                    SignalKind kind = SignalKind.values()[random.nextInt(SignalKind.values().length)];
                    Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
                    tenancy.add(new SignalRaisedEvent(tenancyId, clientId, "signal-" + s, kind, corporation,
                            OrganisationType.HOUSING_CORPORATION, severity, "neighbours report a concern", raised), raised);
                    if (random.nextBoolean()) {
                        tenancy.add(new SignalResolvedEvent(tenancyId, clientId, "signal-" + s, kind, severity, raised,
                                raised.plusDays(14), "resolved together"), raised.plusDays(14));
                    }
                }
                if (holder == LeaseHolder.CARE_PROVIDER && random.nextInt(10) < 4) {
                    LocalDate flipped = movedIn.plusMonths(6 + random.nextInt(18));
                    for (FlipParty party : FlipParty.values()) {
                        tenancy.add(new FlipApprovedEvent(tenancyId, clientId, party, flipped.minusDays(7)), flipped.minusDays(7));
                    }
                    tenancy.add(new ContractFlippedEvent(tenancyId, clientId, flipped, LeaseHolder.CARE_PROVIDER,
                            LeaseHolder.CLIENT, true, corporation, provider, region, agreementId(r), 1, "conditions met"), flipped);
                }
            }
        }
        if (random.nextInt(10) < 6) {
            LocalDate from = registered.plusDays(random.nextInt(60));
            indication.add(new IndicationGrantedEvent(indicationId, clientId,
                    IndicationType.values()[random.nextInt(IndicationType.values().length)], 2 + random.nextInt(12),
                    provider, region, from, from.plusYears(2)), from);
            if (random.nextInt(10) < 3) {
                LocalDate ended = from.plusMonths(12 + random.nextInt(10));
                indication.add(new IndicationEndedEvent(indicationId, clientId, IndicationEndReason.values()[0], ended,
                        provider, "goal reached"), ended);
            }
        }
        client.addTo(streams, "Client", clientId, Tokens.MUNICIPALITY, "MUNICIPALITY");
        tenancy.addTo(streams, "Tenancy", tenancyId, corporation, "HOUSING_CORPORATION");
        indication.addTo(streams, "CareIndication", indicationId, Tokens.MUNICIPALITY, "MUNICIPALITY");
        return clientId;
    }
}
