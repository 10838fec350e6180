package dev.scopekey.domain;

import java.util.Arrays;

/**
 * One entry of a token's address allow-list: a single IPv4 or IPv6 address, or a CIDR range
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Parsed strictly and never by a name lookup; an
 * IPv4-mapped IPv6 address or range ({@code ::ffff:10.0.0.0/104}) is the IPv4 one. Immutable;
 * equal when network and length are equal; {@link #toString()} is the canonical text.
 */
public final class AddressRange {
    private final byte[] network;
    private final int length;

    private AddressRange(byte[] network, int length) {
        this.network = network;
        this.length = length;
    }

    /**
     * Reads an address or a CIDR range.
     *
     * @param text {@code <address>} or {@code <address>/<prefix length>}
     * @return the range
     * @throws IllegalArgumentException if the text is neither, or a range has bits set past its
     *     length; the message says what is accepted
     */
    public static AddressRange parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        boolean ranged = slash != -1;
        String address = ranged ? value.substring(0, slash) : value;
        byte[] bytes = address.indexOf(':') >= 0 ? ipv6Bytes(address) : IpAddress.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("an allowed address is an IPv4 or IPv6 address (203.0.113.7, 2001:db8::1)"
                    + " or a CIDR range (10.0.0.0/8, 2001:db8::/32); host names are not accepted");
        }
        int length = bytes.length * 8;
        if (ranged) {
            length = prefixLength(value.substring(slash + 1), bytes.length * 8);
        }
        if (bytes.length == 16 && isMapped(bytes)) {
            if (length < 96) {
                throw new IllegalArgumentException("an IPv4-mapped IPv6 range needs a prefix length of at least 96");
            }
            bytes = Arrays.copyOfRange(bytes, 12, 16);
            length -= 96;
        }
        for (int bit = length; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw new IllegalArgumentException("a CIDR range has no bits set past its prefix length: write "
                        + IpAddress.format(masked(bytes, length)) + "/" + length);
            }
        }
        return new AddressRange(bytes, length);
    }

    /** The 16 bytes of an IPv6 literal, mapped IPv4 left as it is (the caller moves its length too). */
    private static byte[] ipv6Bytes(String address) {
        byte[] bytes = IpAddress.parse(address);
        if (bytes != null && bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static int prefixLength(String text, int max) {
        boolean digits = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && (text.length() == 1 || text.charAt(0) != '0');
        int length = digits ? Integer.parseInt(text) : -1;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("a CIDR prefix length is a number from 0 to 32 for IPv4 and to 128"
                    + " for IPv6");
        }
        return length;
    }

    private static byte[] masked(byte[] bytes, int length) {
        byte[] copy = bytes.clone();
        for (int bit = length; bit < copy.length * 8; bit++) {
            copy[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return copy;
    }

    /**
     * Whether the address (4 or 16 bytes, IPv4-mapped already read as IPv4) lies in this range.
     *
     * @param address the address bytes
     * @return whether it is in the range; an IPv4 address is never in an IPv6 range, nor the reverse
     */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    /** @return whether this is an IPv6 range */
    public boolean isIpv6() {
        return network.length == 16;
    }

    /** @return the prefix length: 32 or 128 for a single address */
    public int prefixLength() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AddressRange r && length == r.length && Arrays.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + length;
    }

    /** @return the canonical text: the address alone for a single one, else {@code <network>/<length>} */
    @Override
    public String toString() {
        String address = IpAddress.format(network);
        return length == network.length * 8 ? address : address + "/" + length;
    }
}
