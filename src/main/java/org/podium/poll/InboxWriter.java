package org.podium.poll;

import org.podium.support.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts a fetched document into the inbox whole: written under a hidden temporary name, then renamed, so the
 * inbox consumer (which ignores hidden files) sees it only complete. Every path part comes from a feed,
 * so each is checked to be one plain, visible name.
 */
public final class InboxWriter {
    /** Names the inbox consumer leaves alone (routes/2-ingest.yaml): a document so named would never be read. */
    private static final List<String> IGNORED_SUFFIXES = List.of(".meta.json", ".tmp", ".part", ".crdownload", ".camellock");

    private final Path inbox;

    public InboxWriter(Path inbox) {
        this.inbox = inbox.toAbsolutePath().normalize();
    }

    /**
     * @param parts the folders and file name under the inbox, e.g. [alms, 2023-24, 01_Sepang, Race 1, file.CSV]
     * @return the path written, relative to the inbox, '/'-separated
     * @throws Refused when a part is not a plain name
     */
    public String write(List<String> parts, byte[] content) throws Refused {
        if (parts.isEmpty()) throw new Refused("no inbox path");
        Path target = inbox;
        for (String part : parts) {
            check(part);
            target = target.resolve(part);
        }
        target = target.normalize();
        if (!target.startsWith(inbox) || target.equals(inbox)) throw new Refused("inbox path " + parts + " leaves the inbox");
        AtomicFiles.write(target, content);
        return String.join("/", parts);
    }

    static void check(String part) throws Refused {
        if (part == null || part.isBlank()) throw new Refused("an empty name in the inbox path");
        if (!part.equals(part.strip())) throw new Refused("name \"" + part + "\" begins or ends with a space");
        if (part.equals(".") || part.equals("..")) throw new Refused("name \"" + part + "\" is a dot segment");
        if (part.startsWith(".")) throw new Refused("name \"" + part + "\" is hidden (starts with a dot)");
        if (part.startsWith("~")) throw new Refused("name \"" + part + "\" looks like a temporary file");
        String lower = part.toLowerCase(java.util.Locale.ROOT);
        for (String ignored : IGNORED_SUFFIXES) {
            if (lower.endsWith(ignored)) throw new Refused("name \"" + part + "\" ends with " + ignored + ", which the inbox ignores");
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > 255) throw new Refused("name \"" + part + "\" is too long");
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                throw new Refused("name \"" + part + "\" holds a separator or control character");
            }
        }
    }
}
