package org.podium.invitation;

import org.podium.combined.CountingTable;

import java.util.Objects;

/**
 * An invitation to the team that entered the top car of one series' table (docs/rules.md, A: the GT World
 * Challenge Europe Bronze Cup, points per car number).
 *
 * @param everyEvent a car is eligible only when it took part in every event of the table's scope that
 *                   has been run
 */
public record TableClassification(CountingTable table, boolean everyEvent) implements InvitationClassification {
    public TableClassification {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String id() { return table.path(); }
}
