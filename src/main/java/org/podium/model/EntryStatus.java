package org.podium.model;

/** A car's status in a classification. Only CLASSIFIED cars score points. */
public enum EntryStatus {
    CLASSIFIED, NOT_CLASSIFIED, RETIRED, DISQUALIFIED, DID_NOT_START, EXCLUDED;

    public boolean classified() { return this == CLASSIFIED; }
}
