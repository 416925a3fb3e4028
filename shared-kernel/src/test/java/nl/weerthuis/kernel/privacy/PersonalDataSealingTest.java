package nl.weerthuis.kernel.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Period;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.PersonalDetails;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.SignalBlockOverriddenEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import nl.weerthuis.testsupport.TestDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal texts are sealed per client as Axon serializes a message, open again with the key, and not without. */
class PersonalDataSealingTest {

    private static final byte[] KEY_ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private ConnectionProvider database;
    private String schema;
    private JacksonSerializer serializer;
    private PersonalDataKeys keys;

    @BeforeEach
    void keyStore() throws Exception {
        // A schema of its own per test, on the real PostgreSQL (configured or embedded), with the real migration.
        TestDatabase test = TestDatabase.get();
        schema = "sealing_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password())) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        database = () -> DriverManager.getConnection(test.url(schema), test.user(), test.password());
        try (Connection connection = database.getConnection()) {
            for (String migration : List.of("V3__personal_data_keys.sql", "V40__key_encryption_key_id.sql")) {
                connection.createStatement().execute(Files.readString(Path.of(getClass()
                        .getResource("/db/eventstore/" + migration).toURI())));
            }
        }
        keys = new JdbcPersonalDataKeys(database::getConnection, KEY_ENCRYPTION_KEY, true, Duration.ofMinutes(1),
                Clock.systemUTC());
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .registerModule(new PersonalDataModule(new PersonalDataCipher(keys)));
        serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase test = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password())) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void personal_texts_are_stored_sealed_and_read_back_whole() {
        ClientRegisteredEvent registered = registered("client-1", new PersonalDetails("Jan Jansen", "111222333",
                "1980-02-03", "06-12345678"));

        String stored = stored(registered);

        assertThat(stored).doesNotContain("Jan Jansen", "111222333", "1980-02-03", "06-12345678")
                .contains("\"region\":\"Twente\"", "pd1:client-1:");
        assertThat(read(serializer.serialize(registered, byte[].class))).isEqualTo(registered);
    }

    @Test
    void a_nested_address_is_sealed_for_the_client_of_the_event_around_it() {
        DwellingOfferedEvent offered = new DwellingOfferedEvent("tenancy-1", "client-2", "12345678", "87654321",
                LeaseForm.CLIENT_LEASE, new Dwelling("Hoofdstraat 1, Almelo", "Almelo", "Centrum"), "Twente", true,
                LocalDate.of(2025, 1, 6), LocalDate.of(2024, 10, 1), "agreement-1", 1, Period.ofMonths(3));

        assertThat(stored(offered)).doesNotContain("Hoofdstraat").contains("pd1:client-2:");
        assertThat(read(serializer.serialize(offered, byte[].class))).isEqualTo(offered);
    }

    /** What a read model may keep as it came: a text sealed with the key of the client it is about, no other. */
    @Test
    void a_text_is_known_as_sealed_for_its_own_client_only() {
        String sealed = new PersonalDataCipher(keys).seal("client-4", "a note");

        assertThat(PersonalDataCipher.isSealedFor("client-4", sealed)).isTrue();
        assertThat(PersonalDataCipher.isSealedFor("client-44", sealed)).isFalse();
        assertThat(PersonalDataCipher.isSealedFor("client", sealed)).isFalse();
        assertThat(PersonalDataCipher.isSealedFor("client-4:x", "pd1:client-4:x:abc")).isFalse();
        assertThat(PersonalDataCipher.isSealedFor("client-4", "a note")).isFalse();
        assertThat(PersonalDataCipher.isSealedFor("client-4", null)).isFalse();
    }

    @Test
    void after_erasure_the_same_stored_bytes_read_as_erased_and_the_rest_is_unchanged() {
        SerializedObject<byte[]> stored = serializer.serialize(registered("client-3",
                new PersonalDetails("Piet Pietersen", "123456782", null, null)), byte[].class);

        assertThat(keys.erase("client-3")).isTrue();

        ClientRegisteredEvent afterErasure = (ClientRegisteredEvent) read(stored);
        assertThat(afterErasure.personalDetails()).isEqualTo(new PersonalDetails(
                PersonalDataCipher.ERASED, PersonalDataCipher.ERASED, null, null));
        assertThat(afterErasure.region()).isEqualTo("Twente");
        assertThat(afterErasure.registeredOn()).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void an_erased_client_gets_no_new_personal_data() {
        keys.erase("client-4");

        assertThatThrownBy(() -> serializer.serialize(registered("client-4", new PersonalDetails("X", null, null, null)),
                byte[].class)).hasRootCauseInstanceOf(PersonalDataErasedException.class);
    }

    @Test
    void each_client_has_their_own_key() {
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        String sealedForA = cipher.seal("client-a", "the same text");
        String sealedForB = cipher.seal("client-b", "the same text");

        keys.erase("client-a");

        assertThat(cipher.open(sealedForA)).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.open(sealedForB)).isEqualTo("the same text");
    }

    @Test
    void a_sealed_value_moved_to_another_client_or_altered_does_not_open() {
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        cipher.seal("client-c", "warm up the key");
        String sealed = cipher.seal("client-d", "notes about d");

        String movedToC = sealed.replace("pd1:client-d:", "pd1:client-c:");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(movedToC)).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.open(altered)).hasMessageContaining("altered");
    }

    @Test
    void a_copy_of_the_database_without_the_key_encryption_key_opens_nothing() {
        String sealed = new PersonalDataCipher(keys).seal("client-e", "private");
        byte[] otherKek = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        PersonalDataCipher elsewhere = new PersonalDataCipher(new JdbcPersonalDataKeys(database::getConnection,
                otherKek, false, Duration.ZERO, Clock.systemUTC()));

        assertThatThrownBy(() -> elsewhere.open(sealed)).hasMessageContaining("key-encryption key");
    }

    @Test
    void personal_data_whose_owner_names_no_client_is_refused_not_stored_plain() {
        record Stray(@PersonalData String notes) {
        }
        assertThatThrownBy(() -> serializer.serialize(new Stray("plain notes"), byte[].class))
                .hasStackTraceContaining("without a @DataSubject");
    }

    @Test
    void lists_of_personal_texts_are_sealed_element_by_element_and_non_personal_lists_are_not() {
        SignalBlockOverriddenEvent overridden = new SignalBlockOverriddenEvent("tenancy-9", "client-9",
                List.of("signal-1", "signal-2"), LocalDate.of(2025, 3, 3), "acute danger of eviction");

        String stored = stored(overridden);

        assertThat(stored).contains("\"signal-1\"", "\"signal-2\"").doesNotContain("acute danger");
        assertThat(read(serializer.serialize(overridden, byte[].class))).isEqualTo(overridden);
    }

    private String stored(Object message) {
        return new String(serializer.serialize(message, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private Object read(SerializedObject<byte[]> stored) {
        return serializer.deserialize(stored);
    }

    /** The outflow monitor reads its events this way: it counts, and opens no personal text it does not use. */
    @Test
    void a_reader_leaving_texts_sealed_gets_them_sealed_and_asks_for_no_key() {
        ClientRegisteredEvent registered = registered("client-9", new PersonalDetails("Jan Jansen", "111222333",
                "1980-02-03", "06-12345678"));
        SerializedObject<String> stored = serializer.serialize(registered, String.class);
        PersonalDataKeys noKeys = new PersonalDataKeys() {
            public java.util.Optional<javax.crypto.SecretKey> forReading(String subject) {
                throw new AssertionError("asked the key of " + subject);
            }
            public javax.crypto.SecretKey forWriting(String subject) {
                throw new AssertionError("asked the key of " + subject);
            }
            public boolean erase(String subject) {
                throw new AssertionError();
            }
            public void forget(String subject) {
            }
        };
        JacksonSerializer leavingSealed = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .registerModule(PersonalDataModule.leavingSealed(new PersonalDataCipher(noKeys)))).build();

        ClientRegisteredEvent read = leavingSealed.deserialize(stored);

        assertThat(read.personalDetails().name()).startsWith("pd1:client-9:").isNotEqualTo("Jan Jansen");
        assertThat(read.region()).isEqualTo(registered.region());
        assertThat(read.registeredOn()).isEqualTo(registered.registeredOn());
        assertThat(((ClientRegisteredEvent) serializer.deserialize(stored)).personalDetails().name()).isEqualTo("Jan Jansen");
    }

    private static ClientRegisteredEvent registered(String clientId, PersonalDetails details) {
        return new ClientRegisteredEvent(clientId, CareSetting.PROTECTED_HOUSING, "De Boei", "Twente", "Almelo", "12345678",
                LocalDate.of(2025, 1, 2), details);
    }
}
