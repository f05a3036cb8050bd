package org.podium.feed;

/** The feed formats Podium reads; {@link #id()} is what {@code Source.format} records. */
public enum FeedFormat {
    /** Al Kamel race classification: POSITION;NUMBER;TEAM;DRIVER_1;…;STATUS;LAPS;TOTAL_TIME;… */
    ALKAMEL_RACE("alkamel-race"),
    /** Al Kamel wide session classification (practice, qualifying): POS;NUMBER;LAP;TIME;…;DRIVERn_… */
    ALKAMEL_WIDE("alkamel-wide"),
    /** Al Kamel "Results" as SRO America publishes them: POSITION;NUMBER;STATUS;…;DRIVERn_… or DRIVER_… */
    ALKAMEL_RESULTS("alkamel-results"),
    /** Al Kamel "Results by Class": CLASS_TYPE;POS;PIC;NUMBER;TEAM;VEHICLE;DRIVER;LAPS;ELAPSED;… */
    ALKAMEL_RESULTS_BY_CLASS("alkamel-results-by-class"),
    /** An SRO results page (GT World Challenge Europe, Asia). */
    SRO_HTML("sro-html"),
    /** Podium's canonical session-result JSON. */
    PODIUM_JSON("podium-json");

    private final String id;

    FeedFormat(String id) { this.id = id; }

    public String id() { return id; }
}
