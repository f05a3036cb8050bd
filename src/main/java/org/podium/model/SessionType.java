package org.podium.model;

public enum SessionType { RACE, QUALIFYING, PRACTICE }
