package dev.scopekey.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change to a token's editable metadata, without rotating it: its name, its address allow-list,
 * its rate limit, and whether it is disabled. Each field is either left alone or set (a name, list
 * or rate may be set to null to clear it). Nothing else about a token is ever changed by it:
 * scopes, subject, expiry and revocation stay as they are. Immutable and thread-safe.
 */
public final class TokenUpdate {
    /** The fields an update may change, as the admin API and audit events name them. */
    public enum Field {
        /** The label for people. */
        NAME("name"),
        /** The address allow-list. */
        ALLOWED_ADDRESSES("allowedAddresses"),
        /** The token's own rate limit. */
        RATE_LIMIT("rateLimit"),
        /** Whether the token is disabled. */
        DISABLED("disabled");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** @return the field's name in JSON and audit events */
        public String key() {
            return key;
        }
    }

    private static final TokenUpdate NONE = new TokenUpdate(false, null, false, null, false, null, null);

    private final boolean setsName;
    private final String name;
    private final boolean setsAddresses;
    private final AddressList allowedAddresses;
    private final boolean setsRate;
    private final RequestRate rateLimit;
    private final Boolean disabled;

    private TokenUpdate(boolean setsName, String name, boolean setsAddresses, AddressList allowedAddresses,
                        boolean setsRate, RequestRate rateLimit, Boolean disabled) {
        this.setsName = setsName;
        this.name = name;
        this.setsAddresses = setsAddresses;
        this.allowedAddresses = allowedAddresses;
        this.setsRate = setsRate;
        this.rateLimit = rateLimit;
        this.disabled = disabled;
    }

    /** @return an update that changes nothing, to start from */
    public static TokenUpdate none() {
        return NONE;
    }

    /**
     * This update, also setting the name.
     *
     * @param value the new name, or null to clear it
     * @return the new update
     */
    public TokenUpdate name(String value) {
        return new TokenUpdate(true, value, setsAddresses, allowedAddresses, setsRate, rateLimit, disabled);
    }

    /**
     * This update, also setting the address allow-list.
     *
     * @param value the new allow-list, or null to allow every address
     * @return the new update
     */
    public TokenUpdate allowedAddresses(AddressList value) {
        return new TokenUpdate(setsName, name, true, value, setsRate, rateLimit, disabled);
    }

    /**
     * This update, also setting the rate limit.
     *
     * @param value the new rate, or null for none
     * @return the new update
     */
    public TokenUpdate rateLimit(RequestRate value) {
        return new TokenUpdate(setsName, name, setsAddresses, allowedAddresses, true, value, disabled);
    }

    /**
     * This update, also disabling or enabling the token.
     *
     * @param value true to disable, false to enable
     * @return the new update
     */
    public TokenUpdate disabled(boolean value) {
        return new TokenUpdate(setsName, name, setsAddresses, allowedAddresses, setsRate, rateLimit, value);
    }

    /** @return whether this update sets no field at all */
    public boolean isEmpty() {
        return !setsName && !setsAddresses && !setsRate && disabled == null;
    }

    /** @return whether the name is set, and {@link #newName()} holds it */
    public boolean setsName() {
        return setsName;
    }

    /** @return the name set (null: cleared); meaningful only when {@link #setsName()} */
    public String newName() {
        return name;
    }

    /** @return the disabled flag set, or null when it is left alone */
    public Boolean newDisabled() {
        return disabled;
    }

    /**
     * The record with this update's fields set and every other field as it is.
     *
     * @param record the current record
     * @return the updated record (equal to {@code record} when nothing changes)
     */
    public TokenRecord applyTo(TokenRecord record) {
        TokenRecord.Builder builder = record.toBuilder();
        if (setsName) {
            builder.name(name);
        }
        if (setsAddresses) {
            builder.allowedAddresses(allowedAddresses);
        }
        if (setsRate) {
            builder.rateLimit(rateLimit);
        }
        if (disabled != null) {
            builder.disabled(disabled);
        }
        return builder.build();
    }

    /**
     * The fields whose values differ between two versions of a record, in {@link Field} order.
     *
     * @param before the record before the update
     * @param after the record after it
     * @return the changed fields, possibly none
     */
    public static List<Field> changes(TokenRecord before, TokenRecord after) {
        List<Field> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add(Field.NAME);
        }
        if (!Objects.equals(before.allowedAddresses(), after.allowedAddresses())) {
            changed.add(Field.ALLOWED_ADDRESSES);
        }
        if (!Objects.equals(before.rateLimit(), after.rateLimit())) {
            changed.add(Field.RATE_LIMIT);
        }
        if (before.disabled() != after.disabled()) {
            changed.add(Field.DISABLED);
        }
        return List.copyOf(changed);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TokenUpdate[");
        if (setsName) {
            text.append("name=").append(name).append(", ");
        }
        if (setsAddresses) {
            text.append("allowedAddresses=").append(allowedAddresses).append(", ");
        }
        if (setsRate) {
            text.append("rateLimit=").append(rateLimit).append(", ");
        }
        if (disabled != null) {
            text.append("disabled=").append(disabled).append(", ");
        }
        if (text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 2);
        }
        return text.append(']').toString();
    }
}
