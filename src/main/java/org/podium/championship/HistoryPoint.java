package org.podium.championship;

/**
 * A row's place after a round.
 *
 * @param rank   null while the entrant is excluded
 * @param change places gained since the previous round (negative: lost); null after its first round
 */
public record HistoryPoint(int round, Integer rank, double points, Integer change) {}
