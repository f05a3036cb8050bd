package org.podium.model;

/** How final a published classification is. {@code _Final} files count as OFFICIAL. */
public enum ResultStatus { PROVISIONAL, OFFICIAL }
