package dev.scopekey.domain;

/**
 * Reads IPv4 and IPv6 address literals into their bytes, strictly and without any name lookup:
 * dotted quads of decimal numbers 0 to 255 without leading zeros, and RFC 4291 text (one
 * {@code ::}, hex groups of at most four digits, an optional dotted quad at the end). An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) reads as its IPv4 address; and writes them
 * back as RFC 5952 text. Stateless.
 */
final class IpAddress {
    private IpAddress() {
    }

    /** The 4 or 16 bytes of the literal, IPv4-mapped IPv6 as 4; null when it is not one. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        return bytes == null ? null : unmapped(bytes);
    }

    /**
     * The address a client connected from as a container reports it: the literal, perhaps in
     * brackets and with a zone ({@code %eth0}), which is dropped; null when it is no literal.
     */
    static byte[] parseClient(String text) {
        if (text == null) {
            return null;
        }
        String literal = text;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone != -1 && literal.indexOf(':') >= 0) {
            literal = literal.substring(0, zone);
        }
        return parse(literal);
    }

    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return bytes;
                }
            }
            if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return bytes;
    }

    private static byte[] parseV4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                if (part == 4 || !octet(text, start, i, bytes, part)) {
                    return null;
                }
                part++;
                start = i + 1;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static boolean octet(String text, int start, int end, byte[] into, int index) {
        int length = end - start;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
            return false;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        if (value > 255) {
            return false;
        }
        into[index] = (byte) value;
        return true;
    }

    private static byte[] parseV6(String text) {
        // a second "::" leaves an empty part in the tail, which groups() rejects
        int gap = text.indexOf("::");
        boolean noGap = gap < 0;
        String head = noGap ? text : text.substring(0, gap);
        String tail = noGap ? "" : text.substring(gap + 2);
        int[] headGroups = groups(head, noGap);
        int[] tailGroups = noGap ? new int[0] : groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (noGap ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            put(bytes, i, headGroups[i]);
        }
        for (int i = 0; i < tailGroups.length; i++) {
            put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
        }
        return bytes;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /**
     * The 16-bit groups of one side of {@code ::} (empty text: none); a dotted quad is allowed as
     * the last part when {@code last} (it counts as two groups). Null when malformed.
     */
    private static int[] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int dotted = parts[parts.length - 1].contains(".") ? 1 : 0;
        if (dotted == 1 && !last) {
            return null;
        }
        int[] groups = new int[parts.length + dotted];
        for (int i = 0; i < parts.length - dotted; i++) {
            int value = hexGroup(parts[i]);
            if (value < 0) {
                return null;
            }
            groups[i] = value;
        }
        if (dotted == 1) {
            byte[] v4 = parseV4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            groups[parts.length - 1] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
            groups[parts.length] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        }
        return groups;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** RFC 5952 text of 4 or 16 bytes: lowercase, the longest run of two or more zero groups as {@code ::}. */
    static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        int i = 0;
        while (i < 8) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
