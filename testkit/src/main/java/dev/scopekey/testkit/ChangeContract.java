package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's tests of reading and changing records: find, insert, update, atomicity, round-trips. */
abstract class ChangeContract extends StoreContractSupport {

    @Test
    void findByHash_afterInsert_returnsTheRecord() {
        TokenRecord record = samples().fresh();
        insertEach(record);
        assertEquals(Optional.of(record), store().findByHash(record.hash()));
    }

    @Test
    void findByPrefix_afterInsert_returnsTheRecordAlone() {
        TokenRecord record = samples().fresh();
        insertEach(record, samples().fresh(), samples().fresh());
        assertEquals(List.of(record), store().findByPrefix(record.prefix()));
    }

    @Test
    void find_ofUnknownHashOrPrefix_isEmpty() {
        insertEach(samples().fresh(20));
        TokenRecord absent = samples().fresh();
        assertEquals(Optional.empty(), store().findByHash(absent.hash()));
        assertEquals(List.of(), store().findByPrefix(absent.prefix()));
    }

    @Test
    void find_matchesHashAndPrefixExactly_caseSensitively_andNotByStartOrEnd() {
        TokenRecord record = TokenRecord.minted(PlainToken.of("sk_AbCdEfGhIjKl"), ScopeSet.parseList("a"), null,
                null, samples().instant(), "cli", null);
        insertEach(record);
        String prefix = record.prefix();
        assertEquals(Optional.empty(), store().findByHash(record.hash().toUpperCase(Locale.ROOT)));
        assertEquals(List.of(), store().findByPrefix(prefix.toUpperCase(Locale.ROOT)));
        assertEquals(List.of(), store().findByPrefix(prefix.toLowerCase(Locale.ROOT)));
        assertEquals(List.of(), store().findByPrefix(prefix.substring(0, prefix.length() - 1)));
        assertEquals(List.of(), store().findByPrefix(prefix + "x"));
        assertEquals(List.of(), store().findByPrefix(prefix + " "));
        assertEquals(List.of(), store().findByPrefix(""));
    }

    @Test
    void insert_prefixesDifferingOnlyInCase_areDistinctRecords() {
        TokenRecord upper = legacyRecord("TOKENCASEupper-1", "a");
        TokenRecord lower = legacyRecord("tokencaseupper-2", "b");
        assertEquals(upper.prefix().toLowerCase(Locale.ROOT), lower.prefix());
        insertEach(upper, lower);
        assertHoldsExactly(store(), List.of(upper, lower));
    }

    @Test
    void insert_ofTakenPrefix_throwsDuplicate_andWritesNothingOfTheChange() {
        TokenRecord existing = samples().fresh();
        insertEach(existing);
        TokenRecord clash = withPrefix(samples().fresh(), existing.prefix());
        TokenRecord bystander = samples().fresh();
        assertThrows(DuplicateTokenException.class,
                () -> store().apply(new TokenChange(List.of(bystander, clash), List.of())));
        assertHoldsExactly(store(), List.of(existing));
        assertEquals(Optional.empty(), store().findByHash(clash.hash()));
    }

    @Test
    void insert_ofTakenHash_throwsDuplicate_andWritesNothingOfTheChange() {
        TokenRecord existing = samples().fresh();
        insertEach(existing);
        TokenRecord clash = withHash(samples().fresh(), existing.hash());
        TokenRecord bystander = samples().fresh();
        assertThrows(DuplicateTokenException.class,
                () -> store().apply(new TokenChange(List.of(clash, bystander), List.of())));
        assertHoldsExactly(store(), List.of(existing));
        assertEquals(List.of(), store().findByPrefix(clash.prefix()));
    }

    @Test
    void insert_ofOnePrefixTwiceInOneChange_isRejectedWhole() {
        TokenRecord first = samples().fresh();
        TokenRecord second = withPrefix(samples().fresh(), first.prefix());
        assertThrows(DuplicateTokenException.class,
                () -> store().apply(new TokenChange(List.of(first, second), List.of())));
        assertHoldsExactly(store(), List.of());
    }

    @Test
    void insert_ofOneHashTwiceInOneChange_isRejectedWhole() {
        TokenRecord first = samples().fresh();
        TokenRecord second = withHash(samples().fresh(), first.hash());
        assertThrows(DuplicateTokenException.class,
                () -> store().apply(new TokenChange(List.of(first, second), List.of())));
        assertHoldsExactly(store(), List.of());
    }

    @Test
    void duplicate_messageNamesNoHash() {
        TokenRecord existing = samples().fresh();
        insertEach(existing);
        DuplicateTokenException e = assertThrows(DuplicateTokenException.class,
                () -> store().apply(TokenChange.insert(withPrefix(samples().fresh(), existing.prefix()))));
        String message = String.valueOf(e.getMessage());
        assertFalse(message.contains(existing.hash()), "a store's exception message must not carry a hash");
    }

    @Test
    void apply_failedInsert_discardsTheUpdatesOfTheSameChange() {
        TokenRecord existing = samples().fresh();
        TokenRecord other = samples().fresh();
        insertEach(existing, other);
        TokenRecord revoked = other.withRevoked(samples().instant(), "cli");
        TokenRecord clash = withPrefix(samples().fresh(), existing.prefix());
        assertThrows(DuplicateTokenException.class,
                () -> store().apply(new TokenChange(List.of(clash), List.of(revoked))));
        assertHoldsExactly(store(), List.of(existing, other));
    }

    @Test
    void apply_insertsAndUpdatesOfOneChange_landTogether() {
        TokenRecord old = samples().fresh();
        insertEach(old);
        TokenRecord successor = samples().fresh();
        TokenRecord retired = old.withRevoked(samples().instant(), "cli");
        store().apply(TokenChange.rotate(successor, retired));
        assertHoldsExactly(store(), List.of(retired, successor));
    }

    @Test
    void apply_updateOfAbsentHash_isSkipped_andTheRestOfTheChangeApplies() {
        TokenRecord present = samples().fresh();
        insertEach(present);
        TokenRecord absent = samples().fresh();
        TokenRecord inserted = samples().fresh();
        TokenRecord revoked = present.withRevoked(samples().instant(), "cli");
        store().apply(new TokenChange(List.of(inserted), List.of(absent, revoked)));
        assertHoldsExactly(store(), List.of(revoked, inserted));
    }

    @Test
    void apply_update_replacesEveryFieldButPrefixAndHash() {
        TokenRecord full = samples().full();
        TokenRecord bare = samples().bare();
        insertEach(full, bare);
        TokenRecord cleared = TokenRecord.builder(full.prefix(), full.hash(), ScopeSet.parseList("only:this")).build();
        TokenRecord filled = withPrefixAndHash(samples().full(), bare.prefix(), bare.hash());
        store().apply(TokenChange.update(List.of(cleared, filled)));
        assertHoldsExactly(store(), List.of(cleared, filled));
    }

    @Test
    void apply_emptyChange_changesNothing() {
        List<TokenRecord> records = samples().fresh(3);
        insertEach(records);
        store().apply(new TokenChange(List.of(), List.of()));
        assertHoldsExactly(store(), records);
    }

    @Test
    void revoke_appliedTwice_isIdempotent() {
        TokenRecord record = samples().fresh();
        insertEach(record);
        TokenRecord revoked = record.withRevoked(samples().instant(), "cli");
        store().apply(TokenChange.update(List.of(revoked)));
        store().apply(TokenChange.update(List.of(revoked)));
        assertHoldsExactly(store(), List.of(revoked));
    }

    @Test
    void roundTrip_recordWithEveryFieldSet_comesBackEqual() {
        TokenRecord record = samples().full();
        insertEach(record);
        assertHoldsExactly(store(), List.of(record));
    }

    @Test
    void roundTrip_recordWithOnlyRequiredFields_comesBackEqual() {
        TokenRecord record = samples().bare();
        insertEach(record);
        assertHoldsExactly(store(), List.of(record));
    }

    @Test
    void roundTrip_recordsWithMixedOptionalFields_comeBackEqual() {
        List<TokenRecord> records = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            records.add(samples().mixed());
        }
        insertInBatches(records, 16);
        assertHoldsExactly(store(), records);
    }

    @Test
    void roundTrip_trickyNamesSubjectsAndActors_comeBackEqual() {
        List<TokenRecord> records = new ArrayList<>();
        int count = Math.max(SampleValues.NAMES.size(), SampleValues.SUBJECTS.size());
        for (int i = 0; i < count; i++) {
            TokenRecord base = samples().full();
            String actor = SampleValues.ACTORS.get(i % SampleValues.ACTORS.size());
            records.add(base.toBuilder()
                    .name(SampleValues.NAMES.get(i % SampleValues.NAMES.size()))
                    .subject(SampleValues.SUBJECTS.get(i % SampleValues.SUBJECTS.size()))
                    .createdBy(actor)
                    .revokedBy(actor)
                    .build());
        }
        insertEach(records);
        assertHoldsExactly(store(), records);
    }

    @Test
    void roundTrip_valuesWithLeadingAndTrailingSpaces_comeBackEqual_evenAsTheLastField() {
        List<TokenRecord> records = new ArrayList<>();
        for (String padded : List.of(" padded on both sides ", "trailing  ", "  leading")) {
            TokenRecord nameOnly = samples().bare();
            TokenRecord subjectOnly = samples().bare();
            records.add(nameOnly.toBuilder().name(padded).build());
            records.add(subjectOnly.toBuilder().subject(padded).build());
        }
        insertEach(records);
        assertHoldsExactly(store(), records);
    }

    @Test
    void roundTrip_instantsAtTheStoresPrecision_comeBackExactly() {
        Duration step = timestampPrecision();
        List<TokenRecord> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TokenRecord base = samples().bare();
            Instant at = samples().instant().plus(step.multipliedBy(i));
            records.add(base.toBuilder()
                    .createdAt(at)
                    .expiresAt(at.plus(step))
                    .lastUsedAt(at.plus(step.multipliedBy(2)))
                    .revokedAt(at.plus(step.multipliedBy(3)))
                    .build());
        }
        insertEach(records);
        assertHoldsExactly(store(), records);
    }

    @Test
    void records_surviveReopeningTheStore() throws Exception {
        List<TokenRecord> records = new ArrayList<>(List.of(samples().full(), samples().bare(), samples().mixed()));
        insertEach(records);
        TokenRecord revoked = records.get(0).withRevoked(samples().instant(), "cli");
        store().apply(TokenChange.update(List.of(revoked)));
        records.set(0, revoked);
        TokenStore again = reopened();
        assertHoldsExactly(again, records);
        assertTrue(again.findByHash(samples().fresh().hash()).isEmpty());
    }

    // --- record builders --------------------------------------------------------------------

    private static TokenRecord legacyRecord(String token, String scope) {
        PlainToken plain = PlainToken.of(token);
        return TokenRecord.builder(plain.prefix(), plain.hash(), ScopeSet.parseList(scope)).build();
    }

    static TokenRecord withPrefix(TokenRecord r, String prefix) {
        return withPrefixAndHash(r, prefix, r.hash());
    }

    static TokenRecord withHash(TokenRecord r, String hash) {
        return withPrefixAndHash(r, r.prefix(), hash);
    }

    static TokenRecord withPrefixAndHash(TokenRecord r, String prefix, String hash) {
        return r.toBuilder().prefix(prefix).hash(hash).build();
    }
}
