package dev.scopekey.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A token's address allow-list: the client addresses it may be used from, as addresses and CIDR
 * ranges ({@link AddressRange}), at least one and at most {@link #MAX_ENTRIES}. A client address
 * that is not an address literal is never allowed; nothing is ever looked up by name. Immutable
 * and thread-safe; {@link #toString()} is the canonical comma-separated text.
 */
public final class AddressList {
    /** The most entries a list holds. */
    public static final int MAX_ENTRIES = 100;

    private final List<AddressRange> ranges;
    private final String text;

    private AddressList(List<AddressRange> ranges) {
        this.ranges = List.copyOf(ranges);
        List<String> texts = new ArrayList<>(ranges.size());
        for (AddressRange range : ranges) {
            texts.add(range.toString());
        }
        this.text = String.join(",", texts);
    }

    /**
     * A list of the given entries, each read by {@link AddressRange#parse}; duplicates are kept once.
     *
     * @param entries addresses and CIDR ranges
     * @return the list
     * @throws IllegalArgumentException if there is none, more than {@link #MAX_ENTRIES}, or one is
     *     not an address or range (the message gives its position, from 1)
     */
    public static AddressList of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("an address allow-list needs at least one address or range; "
                    + "leave it out to allow every address");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an address allow-list holds at most " + MAX_ENTRIES + " entries");
        }
        List<AddressRange> ranges = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            AddressRange range;
            try {
                range = AddressRange.parse(entries.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("allowed address " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (!ranges.contains(range)) {
                ranges.add(range);
            }
        }
        return new AddressList(ranges);
    }

    /**
     * Reads comma-separated entries, as {@link #toString()} writes them.
     *
     * @param text the entries, separated by commas (spaces around them are ignored)
     * @return the list
     * @throws IllegalArgumentException as {@link #of(List)}
     */
    public static AddressList parse(String text) {
        return of(text == null || text.isBlank() ? List.of() : List.of(text.split(",", -1)));
    }

    /**
     * Whether a request from {@code clientAddress} may use the token.
     *
     * @param clientAddress the address the request came from, as the container reports it (an
     *     IPv4 or IPv6 literal, perhaps in brackets or with a zone), or null
     * @return whether it lies in one of the ranges; false for null or anything not a literal
     */
    public boolean allows(String clientAddress) {
        byte[] address = IpAddress.parseClient(clientAddress);
        if (address == null) {
            return false;
        }
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** @return the entries, in the order given */
    public List<AddressRange> ranges() {
        return ranges;
    }

    /** @return the entries' canonical texts, in order */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(ranges.size());
        for (AddressRange range : ranges) {
            texts.add(range.toString());
        }
        return List.copyOf(texts);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AddressList l && ranges.equals(l.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** @return the canonical entries, comma-separated */
    @Override
    public String toString() {
        return text;
    }
}
