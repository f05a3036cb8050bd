package org.podium.poll;

/** A link, redirect or response Podium will not follow or keep: another host, a path trick, too large. */
public final class Refused extends Exception {
    public Refused(String reason) { super(reason, null, false, false); }
}
