package org.podium.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A feed file's bytes as text. Al Kamel writes UTF-8 with a BOM, but older files are Windows-1252:
 * the bytes are decoded as strict UTF-8 and, when they are not valid UTF-8, as Windows-1252.
 *
 * @param text    the decoded text without a leading BOM
 * @param charset the charset that decoded it
 */
public record FeedText(String text, Charset charset) {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Share of control bytes above which a file is taken as binary. */
    private static final double MAX_CONTROL_SHARE = 0.10;
    private static final int SNIFF_BYTES = 8192;

    /**
     * Decodes a file, refusing empty and binary ones.
     */
    public static FeedText decode(byte[] raw) throws FeedException {
        if (raw == null || raw.length == 0) {
            throw new FeedException(Problem.of("the file is empty"),
                    "check that the upload or download completed, then drop the file again");
        }
        rejectBinary(raw);
        // The String constructor puts U+FFFD where the bytes are not UTF-8; only a text holding one
        // needs the strict decoder to tell a real U+FFFD from a Windows-1252 file.
        String text = new String(raw, StandardCharsets.UTF_8);
        Charset charset = StandardCharsets.UTF_8;
        if (text.indexOf('\uFFFD') >= 0 && !strictUtf8(raw)) {
            text = new String(raw, WINDOWS_1252);
            charset = WINDOWS_1252;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) {
            throw new FeedException(Problem.of("the file holds no text, only white space"),
                    "check that the upload or download completed, then drop the file again");
        }
        return new FeedText(text, charset);
    }

    /** 1 for the bytes that count as control characters in text: below 0x20 (but tab, line breaks, form feed) and DEL. */
    private static final int[] CONTROL = new int[256];

    static {
        for (int b = 0; b < 0x20; b++) CONTROL[b] = b == '\t' || b == '\n' || b == '\r' || b == '\f' ? 0 : 1;
        CONTROL[0x7F] = 1;
    }

    private static boolean strictUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void rejectBinary(byte[] raw) throws FeedException {
        if (raw.length >= 2 && ((raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE) || (raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF))) {
            throw new FeedException(Problem.of("the file is UTF-16 text, which no feed format uses"),
                    "save the file as UTF-8 (Al Kamel CSV, SRO HTML or Podium JSON)");
        }
        int sniffed = Math.min(raw.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < sniffed; i++) control += CONTROL[raw[i] & 0xFF];
        // NUL is a control byte: where the sniffed part has none, a NUL can only come after it
        for (int i = control > 0 ? 0 : sniffed; i < raw.length; i++) {
            if (raw[i] == 0) {
                throw new FeedException(Problem.of("the file is binary (it holds a NUL byte at offset " + i + ")"),
                        "expected a text file: an Al Kamel CSV, an SRO results HTML page or Podium JSON");
            }
        }
        if (control > sniffed * MAX_CONTROL_SHARE) {
            throw new FeedException(Problem.of("the file is binary (" + control + " control bytes in its first " + sniffed + ")"),
                    "expected a text file: an Al Kamel CSV, an SRO results HTML page or Podium JSON");
        }
    }
}
