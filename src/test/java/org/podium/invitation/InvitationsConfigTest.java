package org.podium.invitation;

import org.podium.model.SeasonRef;
import org.junit.jupiter.api.Test;
import org.podium.support.ConfigException;
import org.podium.combined.CombinedRule;
import org.podium.combined.CombinedTieBreak;
import org.podium.combined.CountingTable;
import org.podium.combined.Results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** config/invitations.yaml: loaded against the series' rules, every problem naming the file, the key and what is wrong. */
class InvitationsConfigTest {
    private static final String FILE = "config/invitations.yaml";

    static Invitations real() {
        return Invitations.load(Path.of(FILE), Results.catalog());
    }

    /** The real file with one piece of its text replaced. */
    static String real(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Invitations realWith(String from, String to) {
        try {
            String text = Files.readString(Path.of(FILE));
            if (!text.contains(from)) throw new IllegalArgumentException(FILE + " has no \"" + from + "\"");
            return Invitations.parse(text.replace(from, to), FILE, Results.catalog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRealFileLoadsBothLeMans2024Invitations() {
        Invitations all = real();

        assertThat(all.invitations()).extracting(Invitation::id, Invitation::event, Invitation::entryClass,
                Invitation::passDown).containsExactly(
                tuple("lemans-2024-gtwc-europe", "24 Hours of Le Mans 2024", "LMGT3", false),
                tuple("lemans-2024-asia-combined", "24 Hours of Le Mans 2024", "LMGT3", false));
        assertThat(all.invitations()).allSatisfy(i ->
                assertThat(i.conditions()).isEqualTo(new Conditions(true, 2)));
        assertThat(all.otherInvitations()).isEmpty();
    }

    @Test
    void theGtwcEuropeInvitationCountsBronzeCupPointsPerCarAtEveryEvent() {
        Invitation europe = real().get("lemans-2024-gtwc-europe").orElseThrow();

        TableClassification t = (TableClassification) europe.classification();
        assertThat(t.everyEvent()).isTrue();
        assertThat(t.table().season()).isEqualTo(new SeasonRef("gtwc-europe", "2023"));
        assertThat(t.table().table()).isEqualTo("cars-bronze");
        assertThat(t.table().calendar()).hasSize(5);
    }

    @Test
    void theCombinedInvitationSharesGtwcAsiaOf200AndAsLmsGtOf130() {
        Invitation asia = real().get("lemans-2024-asia-combined").orElseThrow();

        CombinedRule rule = ((CombinedTeamsClassification) asia.classification()).rule();
        assertThat(rule.tables()).extracting(CountingTable::path, CountingTable::maxSeasonPoints).containsExactly(
                tuple("gtwc-asia/2023/cars-overall", 200.0), tuple("alms/2023-24/cars-gt", 130.0));
        assertThat(rule.minRounds()).isEqualTo(1);
        assertThat(rule.decimals()).isEqualTo(3);
        assertThat(rule.tieBreak()).containsExactly(CombinedTieBreak.BEST_SINGLE_SHARE, CombinedTieBreak.COUNTBACK);
    }

    @Test
    void otherInvitationsAreRead() {
        Invitations all = realWith("otherInvitations: []",
                "otherInvitations:\n  - { team: Pure Rxcing, source: European Le Mans Series 2023 LMGT3 }");

        assertThat(all.otherInvitations()).containsExactly(
                new OtherInvitation("Pure Rxcing", "European Le Mans Series 2023 LMGT3"));
    }

    private static void failsWith(String from, String to, String keyPath, String problem) {
        assertThatThrownBy(() -> realWith(from, to))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.file()).isEqualTo(FILE);
                    assertThat(c.keyPath()).isEqualTo(keyPath);
                    assertThat(c.problem()).contains(problem);
                });
    }

    @Test
    void theShippedFileHoldsLeaderNoticesBackUntilARaceResult() {
        assertThat(real().invitations()).hasSize(2).allMatch(Invitation::leaderAfterFirstRace);
    }

    @Test
    void withoutTheSettingLeaderNoticesStillWaitForARaceResult() {
        String text = real("config/invitations.yaml");
        String section = text.substring(text.indexOf("\nnotices:\n") + 1, text.indexOf("\ninvitations:\n") + 1);
        assertThat(section).startsWith("notices:").contains("leaderAfterFirstRace: true");
        Invitations without = realWith(section, "");
        assertThat(without.invitations()).hasSize(2).allMatch(Invitation::leaderAfterFirstRace);
    }

    @Test
    void leaderAfterFirstRaceFalsePublishesLeaderNoticesFromTheFirstResult() {
        Invitations eager = realWith("leaderAfterFirstRace: true", "leaderAfterFirstRace: false");
        assertThat(eager.invitations()).hasSize(2).noneMatch(Invitation::leaderAfterFirstRace);
    }

    @Test
    void anUnknownNoticesSettingFails() {
        failsWith("leaderAfterFirstRace: true", "leaderAfterFirstRaces: true", "notices.leaderAfterFirstRaces",
                "unknown key");
    }

    @Test
    void anUnknownKeyFails() {
        failsWith("    passDown: false\n    conditions:\n      attendAllEvents: true          # ACO",
                "    passDown: false\n    passdown: true\n    conditions:\n      attendAllEvents: true          # ACO",
                "invitations[0].passdown", "unknown key");
    }

    @Test
    void anUnknownSeriesFails() {
        failsWith("series: gtwc-europe", "series: gtwc-america", "invitations[0].classification.series",
                "unknown series \"gtwc-america\"");
    }

    @Test
    void aSeasonTheSeriesDoesNotHaveFails() {
        failsWith("season: \"2023-24\",", "season: \"2022\",   ",
                "invitations[1].classification.combined.series[1].season", "has no season \"2022\"");
    }

    @Test
    void aTableTheSeriesDoesNotPublishFails() {
        failsWith("table: cars-bronze", "table: cars-platinum", "invitations[0].classification.table",
                "publishes no table \"cars-platinum\"");
    }

    @Test
    void aTableThatDoesNotRankCarsFails() {
        failsWith("table: cars-bronze", "table: teams-bronze", "invitations[0].classification.table",
                "must be a table of cars (teams-bronze ranks teams by best-car)");
    }

    @Test
    void anUnknownTieBreakFails() {
        failsWith("tieBreak: [best-single-share, countback]", "tieBreak: [best-single-share, wins]",
                "invitations[1].classification.combined.tieBreak[1]", "must be best-single-share or countback");
    }

    @Test
    void aRecipientRuleOtherThanTheOneImplementedFails() {
        failsWith("recipient: team-of-car", "recipient: team", "invitations[0].recipient", "must be team-of-car");
    }

    @Test
    void aLimitOfZeroInvitationsFails() {
        failsWith("maxInvitationsPerCompetitor: 2 # ACO", "maxInvitationsPerCompetitor: 0 # ACO",
                "invitations[0].conditions.maxInvitationsPerCompetitor", "must be a whole number ≥ 1");
    }

    @Test
    void aTwiceUsedIdFails() {
        failsWith("id: lemans-2024-asia-combined", "id: lemans-2024-gtwc-europe", "invitations[1].id",
                "is also the id of invitations[0]");
    }

    @Test
    void anIdThatCannotNameAFolderFails() {
        failsWith("id: lemans-2024-asia-combined", "id: ../asia", "invitations[1].id",
                "must be lower-case letters, digits and single hyphens");
    }

    @Test
    void theSameSeasonCountedTwiceFails() {
        failsWith("{ series: alms,      season: \"2023-24\", table: cars-gt }",
                "{ series: gtwc-asia, season: \"2023\", table: cars-overall }",
                "invitations[1].classification.combined.series[1]", "gtwc-asia/2023 is also counted");
    }

    @Test
    void aMissingPassDownFails() {
        failsWith("    passDown: false\n    conditions:\n      attendAllEvents: true          # ACO",
                "    conditions:\n      attendAllEvents: true          # ACO",
                "invitations[0].passDown", "is required");
    }
}
