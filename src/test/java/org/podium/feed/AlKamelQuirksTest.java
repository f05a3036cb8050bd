package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/** One test per Al Kamel quirk (docs/formats.md), on small files built the way the real ones are. */
class AlKamelQuirksTest {
    static final String RACE_HEADER =
            "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;";
    static final String ROW_1 = "1;22;United Autosports;Griffin PEEBLES;Grégoire SAUCY;Oreca 07 - Gibson;G;LMP2;;;Classified;112;4:00'01.773;;;6;1'50.468;189.7;";
    static final String ROW_2 = "2;34;Inter Europol Competition;Bijoy GARG;Reshad DE GÉRUS;Oreca 07 - Gibson;G;LMP2;;;Classified;112;4:00'10.342;8.569;8.569;94;1'50.674;189.3;";

    private static Classification parse(byte[] bytes) throws FeedException {
        return new AlKamelCsvParser().parse(FeedText.decode(bytes).text());
    }

    private static Classification parse(String text) throws FeedException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Problem> problems(String text) {
        try {
            parse(text);
        } catch (FeedException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void byteOrderMarkIsStripped() throws FeedException {
        Classification c = parse("\uFEFF" + RACE_HEADER + "\r\n" + ROW_1 + "\r\n");
        assertThat(c.entries()).extracting(Entry::position).containsExactly(1);
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() throws FeedException {
        Classification c = parse("\r\n\r\n" + RACE_HEADER + "\r\n" + ROW_1 + "\r\n\r\n");
        assertThat(c.entries()).singleElement().satisfies(e -> assertThat(e.sourceLine()).isEqualTo(4));
    }

    @Test
    void crlfAndLfReadAlike() throws FeedException {
        Classification crlf = parse(RACE_HEADER + "\r\n" + ROW_1 + "\r\n" + ROW_2 + "\r\n");
        Classification lf = parse(RACE_HEADER + "\n" + ROW_1 + "\n" + ROW_2 + "\n");
        assertThat(crlf.entries()).hasSize(2).isEqualTo(lf.entries());
        assertThat(crlf.entries().get(1).bestLap()).isEqualTo(new BestLap(94, 110_674, 189.3));
    }

    @Test
    void windows1252BytesFallBackFromUtf8() throws FeedException {
        byte[] cp1252 = (RACE_HEADER + "\r\n" + ROW_1 + "\r\n").getBytes(FeedText.WINDOWS_1252);
        assertThat(FeedText.decode(cp1252).charset()).isEqualTo(FeedText.WINDOWS_1252);
        assertThat(parse(cp1252).entries().get(0).drivers().get(1)).isEqualTo(new Driver("Grégoire", "SAUCY", null, null));
    }

    @Test
    void validUtf8StaysUtf8() throws FeedException {
        assertThat(FeedText.decode(Samples.utf8(RACE_HEADER + "\n" + ROW_1 + "\n")).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void trailingSemicolonIsNotAnotherColumn() throws FeedException {
        Classification with = parse(RACE_HEADER + "\n" + ROW_1 + "\n");
        Classification without = parse(strip(RACE_HEADER) + "\n" + strip(ROW_1) + "\n");
        assertThat(with.entries()).isEqualTo(without.entries());
        assertThat(with.entries().get(0).bestLap().kph()).isEqualTo(189.7);
    }

    @Test
    void headersAreTrimmedAndUpperCased() throws FeedException {
        String header = RACE_HEADER.replace("LAPS;", " laps;").replace("NUMBER", " Number ");
        Entry e = parse(header + "\n" + ROW_1 + "\n").entries().get(0);
        assertThat(e.laps()).isEqualTo(112);
        assertThat(e.number()).isEqualTo("22");
    }

    @Test
    void headerAliasesReadAsTheirColumns() throws FeedException {
        String header = RACE_HEADER.replace("POSITION", "POS").replace("TYRES", "TIRES")
                .replace("TOTAL_TIME", "ELAPSED").replace("FL_TIME", "BEST_LAP_TIME");
        Entry e = parse(header + "\n" + ROW_1 + "\n").entries().get(0);
        assertThat(e.position()).isEqualTo(1);
        assertThat(e.tyres()).isEqualTo("G");
        assertThat(e.totalTimeMs()).isEqualTo(14_401_773L);
        assertThat(e.bestLap().timeMs()).isEqualTo(110_468);
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() throws FeedException {
        String header = "STATUS;LAPS;NUMBER;POSITION;CLASS;DRIVER_1;TOTAL_TIME;";
        Entry e = parse(header + "\nClassified;112;22;1;LMP2;Griffin PEEBLES;4:00'01.773;\n").entries().get(0);
        assertThat(e).isEqualTo(new Entry(1, null, "22", null, List.of(new Driver("Griffin", "PEEBLES", null, null)), null,
                "LMP2", null, null, null, null, EntryStatus.CLASSIFIED, 112, 14_401_773L, null, null, null, 2));
    }

    @Test
    void unknownColumnsAreIgnored() throws FeedException {
        String header = RACE_HEADER.replace("STATUS;", "STATUS;ECM Participant Id;*Extra 7;");
        String row = ROW_1.replace("Classified;", "Classified;107131;whatever;");
        assertThat(parse(header + "\n" + row + "\n").entries().get(0).laps()).isEqualTo(112);
    }

    @Test
    void hoursOfTwentyFourAndMoreInTotalTime() throws FeedException {
        String row = ROW_1.replace("4:00'01.773", "24:01'02.345");
        String row2 = ROW_2.replace("4:00'10.342", "25:00'00.001");
        List<Entry> e = parse(RACE_HEADER + "\n" + row + "\n" + row2 + "\n").entries();
        assertThat(e.get(0).totalTimeMs()).isEqualTo(24 * 3_600_000L + 62_345);
        assertThat(e.get(1).totalTimeMs()).isEqualTo(25 * 3_600_000L + 1);
    }

    @Test
    void lapGapsOneLapManyLapsAndNegative() throws FeedException {
        String row2 = ROW_2.replace(";8.569;8.569;", ";1 Lap;1 Laps;");
        String row3 = "3;29;Forestier Racing;Louis ROUSSET;;Oreca 07 - Gibson;G;LMP2;;;Not classified;91;3:22'36.172;21 Laps;-94 Laps;85;1'50.733;189.2;";
        List<Entry> e = parse(RACE_HEADER + "\n" + ROW_1 + "\n" + row2 + "\n" + row3 + "\n").entries();
        assertThat(e.get(1).gap()).isEqualTo(Gap.laps(1));
        assertThat(e.get(1).gapPrevious()).isEqualTo(Gap.laps(1));
        assertThat(e.get(2).gap()).isEqualTo(Gap.laps(21));
        assertThat(e.get(2).gapPrevious()).isEqualTo(Gap.laps(-94));
    }

    @Test
    void everyStatusWordInTheStatusColumn() throws FeedException {
        String[] words = {"Classified", "CLASSIFIED", "Not classified", "Not Classified", "NC", "Retired", "DNF", "DNS",
                "Did not start", "Disqualified", "DSQ", "Excluded"};
        StringBuilder csv = new StringBuilder(RACE_HEADER).append('\n');
        for (int i = 0; i < words.length; i++) {
            csv.append(ROW_1.replace("1;22;", (i + 1) + ";" + (100 + i) + ";").replace("Classified", words[i])).append('\n');
        }
        assertThat(parse(csv.toString()).entries()).extracting(Entry::status).containsExactly(
                EntryStatus.CLASSIFIED, EntryStatus.CLASSIFIED, EntryStatus.NOT_CLASSIFIED, EntryStatus.NOT_CLASSIFIED,
                EntryStatus.NOT_CLASSIFIED, EntryStatus.RETIRED, EntryStatus.RETIRED, EntryStatus.DID_NOT_START,
                EntryStatus.DID_NOT_START, EntryStatus.DISQUALIFIED, EntryStatus.DISQUALIFIED, EntryStatus.EXCLUDED);
    }

    @Test
    void unknownStatusNamesLineColumnAndHeader() {
        List<Problem> p = problems(RACE_HEADER + "\n" + ROW_1.replace("Classified", "Finished") + "\n");
        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(11);
            assertThat(problem.field()).isEqualTo("STATUS");
            assertThat(problem.message()).contains("Finished");
        });
    }

    @Test
    void carNumberIsAString() throws FeedException {
        String row2 = ROW_2.replace("2;34;", "2;007;");
        String row3 = ROW_2.replace("2;34;", "3;7;");
        assertThat(parse(RACE_HEADER + "\n" + ROW_1 + "\n" + row2 + "\n" + row3 + "\n").entries())
                .extracting(Entry::number).containsExactly("22", "007", "7");
    }

    @Test
    void multiWordAndMissingGivenNames() throws FeedException {
        String row = ROW_1.replace("Griffin PEEBLES;Grégoire SAUCY", " BANKCY;Horst Felix FELBERMAYR");
        assertThat(parse(RACE_HEADER + "\n" + row + "\n").entries().get(0).drivers())
                .containsExactly(new Driver("", "BANKCY", null, null), new Driver("Horst Felix", "FELBERMAYR", null, null));
    }

    @Test
    void sroAmericaResultsVariantReadsStatusAndCupAndDriverBlocks() throws FeedException {
        // built on the header docs/formats.md gives for SRO America's "Results" files; values are made up
        String csv = "POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;TEAM;CLASS;VEHICLE;"
                + "DRIVER1_FIRSTNAME;DRIVER1_SECONDNAME;DRIVER1_LICENSE;DRIVER1_COUNTRY;DRIVER2_FIRSTNAME;DRIVER2_SECONDNAME;DRIVER2_LICENSE;DRIVER2_COUNTRY;\r\n"
                + "1;28;Classified;81;3:01:32.386;;;40;2:11.902;137.2;Example Motorsport;Pro;Example GT3;Anna;EXAMPLE;P;USA;Ben;SAMPLE;G;CAN;\r\n"
                + "2;04;Classified;81;3:01:40.012;7.626;7.626;12;2:12.200;136.9;Sample Racing;Pro-Am;Sample GT3;Carl;DEMO;S;USA;Dora;TEST;B;USA;\r\n"
                + "3;91;Retired;40;1:32:00.000;41 Laps;41 Laps;5;2:13.000;136.0;Nobody GT;Am;Mock GT3;Emil;MOCK;B;MEX;;;;;\r\n";
        Classification c = parse(csv);
        assertThat(c.format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
        assertThat(c.statusReported()).isTrue();
        assertThat(c.entries().get(0)).isEqualTo(new Entry(1, null, "28", "Example Motorsport",
                List.of(new Driver("Anna", "EXAMPLE", "USA", DriverCategory.PLATINUM), new Driver("Ben", "SAMPLE", "CAN", DriverCategory.GOLD)),
                "Example GT3", null, "Pro", null, null, null, EntryStatus.CLASSIFIED, 81, 3 * 3_600_000L + 92_386,
                null, null, new BestLap(40, 131_902, 137.2), 2));
        assertThat(c.entries()).extracting(Entry::cup).containsExactly("Pro", "Pro-Am", "Am");
        assertThat(c.entries().get(1).number()).isEqualTo("04");
        assertThat(c.entries().get(2).status()).isEqualTo(EntryStatus.RETIRED);
        assertThat(c.entries().get(2).drivers()).hasSize(1);
    }

    @Test
    void wideQualifyingHasNoStatusAndItsTimeIsTheBestLap() throws FeedException {
        String csv = "POS;NUMBER;LAP;TIME;GAP_FIRST;GAP_PREVIOUS;KPH; LAPS;TEAM;CLASS;GROUP;DIVISION;VEHICLE;TIRES;Sort Key;"
                + "DRIVER1_FIRSTNAME;DRIVER1_SECONDNAME;DRIVER1_LICENSE;DRIVER1_HOMETOWN;DRIVER1_COUNTRY;\r\n"
                + "1;51;2;3:26.540;-;-;237.5;5;Ferrari AF Corse;HYPERCAR;;;Ferrari 499P;M;FERRARI AF CORSE;Alessandro;PIER GUIDI;P;;ITA;\r\n"
                + "2;10;0;;;;;3;Garage 59;LMGT3;;;McLaren 720S LMGT3 Evo;G;;Antares;AU;B;;HKG;\r\n";
        Classification c = parse(csv);
        assertThat(c.statusReported()).isFalse();
        assertThat(c.entries()).extracting(Entry::status).containsOnly(EntryStatus.CLASSIFIED);
        assertThat(c.entries().get(0).totalTimeMs()).isEqualTo(206_540L);
        assertThat(c.entries().get(0).bestLap()).isEqualTo(new BestLap(2, 206_540, 237.5));
        assertThat(c.entries().get(1).totalTimeMs()).isNull();
        assertThat(c.entries().get(1).bestLap()).isNull();
        assertThat(c.entries().get(1).drivers()).containsExactly(new Driver("Antares", "AU", "HKG", DriverCategory.BRONZE));
    }

    /** As the SRO America portal's 2025 GR Cup qualifying files (Sonoma, VIR) list their unranked cars. */
    static final String SESSION_HEADER = "POS;NUMBER;LAP;TIME;GAP_FIRST;GAP_PREVIOUS;KPH; LAPS;TEAM;CLASS;GROUP;DIVISION;VEHICLE;"
            + "TIRES;DRIVER_FIRSTNAME;DRIVER_SECONDNAME;DRIVER_LICENSE;DRIVER_HOMETOWN;DRIVER_COUNTRY;\r\n";
    static final String RANKED = "1;13;7;2:06.187;-;-;150.3;7;BSI Racing;Am;;GR Cup;Toyota GR86;;Westin;Workman;;;USA;\r\n";
    static final String TIMED_UNRANKED = ";5;3;2:27.230;;;93.9;5;Copeland Motorsports;Am;;GR Cup;Toyota GR86;;Beltre;Curtis;;;USA;\r\n";
    static final String UNTIMED_UNRANKED = ";16;0;;;;;0;Copeland Motorsports;Am;;GR Cup;Toyota GR86;;John;Dean;;;USA;\r\n";

    @Test
    void aSessionCarWithoutPosIsPlacedLastAndNotClassified() throws FeedException {
        Classification c = parse(SESSION_HEADER + RANKED + TIMED_UNRANKED + UNTIMED_UNRANKED);
        assertThat(c.entries()).extracting(Entry::position).containsExactly(1, 2, 3);
        assertThat(c.entries()).extracting(Entry::status)
                .containsExactly(EntryStatus.CLASSIFIED, EntryStatus.NOT_CLASSIFIED, EntryStatus.NOT_CLASSIFIED);
        assertThat(c.entries().get(1).bestLap()).isEqualTo(new BestLap(3, 147_230, 93.9));
        assertThat(c.entries().get(2).bestLap()).isNull();
        assertThat(c.entries().get(2).drivers()).containsExactly(new Driver("John", "Dean", "USA", null));
        assertThat(ClassificationValidator.validate(c.entries(), c.statusReported())).isEmpty();
    }

    @Test
    void aRankedSessionCarAfterAnUnrankedOneIsRefused() {
        String ranked2 = RANKED.replace("1;13;7;", "2;7;7;");
        assertThat(problems(SESSION_HEADER + RANKED + TIMED_UNRANKED + ranked2)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("POS");
            assertThat(p.message()).contains("after the unranked car of line 3");
        });
    }

    @Test
    void aRaceCarWithoutPositionIsStillRefusedUnlessItDidNotStart() {
        String row = ROW_2.replaceFirst("^2;", ";");
        assertThat(problems(RACE_HEADER + "\n" + ROW_1 + "\n" + row + "\n")).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("POSITION"));
    }

    @Test
    void classGroupDivisionKeptAndEmptyIsNull() throws FeedException {
        String row2 = ROW_2.replace(";LMP2;;;", ";LMP2;P/A;D2;");
        List<Entry> e = parse(RACE_HEADER + "\n" + ROW_1 + "\n" + row2 + "\n").entries();
        assertThat(e.get(0).group()).isNull();
        assertThat(e.get(0).division()).isNull();
        assertThat(e.get(1).group()).isEqualTo("P/A");
        assertThat(e.get(1).division()).isEqualTo("D2");
    }

    @Test
    void missingNumberColumnIsNamed() {
        String header = RACE_HEADER.replace("NUMBER;", "");
        String row = ROW_1.replace("1;22;", "1;");
        assertThat(problems(header + "\n" + row + "\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("NUMBER");
            assertThat(p.message()).contains("required column NUMBER is missing");
        });
    }

    @Test
    void lastLineCutMidRowIsNamed() {
        String cut = ROW_2.substring(0, ROW_2.indexOf("Classified") + 4);
        assertThat(problems(RACE_HEADER + "\r\n" + ROW_1 + "\r\n" + cut)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("STATUS");
            assertThat(p.message()).contains("truncated");
        });
    }

    @Test
    void lastLineCutAfterASemicolonIsNamed() {
        String cut = ROW_2.substring(0, ROW_2.indexOf("Oreca"));
        assertThat(problems(RACE_HEADER + "\n" + ROW_1 + "\n" + cut)).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void everyBadFieldOfTheFileIsReported() {
        String row1 = ROW_1.replace(";112;", ";x;");
        String row2 = ROW_2.replace("4:00'10.342", "4h00").replace(";189.3;", ";fast;");
        assertThat(problems(RACE_HEADER + "\n" + row1 + "\n" + row2 + "\n"))
                .extracting(p -> p.line() + ":" + p.column() + ":" + p.field())
                .containsExactly("2:12:LAPS", "3:13:TOTAL_TIME", "3:18:FL_KPH");
    }

    @Test
    void aValueHoldingASemicolonIsCaught() {
        String row = ROW_1.replace("United Autosports", "United; Autosports");
        assertThat(problems(RACE_HEADER + "\n" + row + "\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("may contain ';'"));
    }

    @Test
    void emptyStatusIsRefused() {
        assertThat(problems(RACE_HEADER + "\n" + ROW_1.replace("Classified", "") + "\n")).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("STATUS"));
    }

    @Test
    void notStartedWithAnEmptyPositionKeepsItsPlaceAtTheBottom() throws FeedException {
        // the 2014 ELMS shape: the non-starter closes the list, STATUS "Not started", no POSITION
        String dns = ";41;Greaves Motorsport;Tom KIMBER-SMITH;;Zytek Z11SN - Nissan;D;LMP2;;;Not started;0;;;;;;;";
        List<Entry> e = parse(RACE_HEADER + "\n" + ROW_1 + "\n" + ROW_2 + "\n" + dns + "\n").entries();
        assertThat(e).hasSize(3);
        assertThat(e.get(2)).isEqualTo(new Entry(3, null, "41", "Greaves Motorsport", List.of(new Driver("Tom", "KIMBER-SMITH", null, null)),
                "Zytek Z11SN - Nissan", "LMP2", null, null, null, "D", EntryStatus.DID_NOT_START, 0, null, null, null, null, 4));
        assertThat(ClassificationValidator.validate(e, true)).isEmpty();
    }

    @Test
    void anEmptyPositionIsRefusedForACarThatStarted() {
        assertThat(problems(RACE_HEADER + "\n" + ROW_1 + "\n" + ROW_2.replaceFirst("^2;", ";") + "\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("POSITION");
            assertThat(p.message()).contains("empty", "Not started");
        });
    }

    @Test
    void anUnknownStatusListsTheWordsPodiumKnows() {
        assertThat(problems(RACE_HEADER + "\n" + ROW_1.replace("Classified", "Abandoned") + "\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"Abandoned\"", "Classified", "Not classified", "Not started",
                        "Retired", "DNS", "DNF", "Disqualified", "DSQ", "NC", "Excluded"));
    }

    static final String ONE_DRIVER_HEADER = "POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;TEAM;CLASS;"
            + "GROUP;DIVISION;VEHICLE;DRIVER_FIRSTNAME;DRIVER_SECONDNAME;DRIVER_LICENSE;DRIVER_HOMETOWN;DRIVER_COUNTRY;DRIVER_SHORTNAME;";

    @Test
    void theUnnumberedDriverBlockOfSingleDriverChampionships() throws FeedException {
        String csv = ONE_DRIVER_HEADER + "\r\n"
                + "1;13;Classified;23;45:30.694;-;-;13;1:40.747;140.3;BSI Racing;Am;;GR Cup;Toyota GR86;Westin;Workman;B;;USA;;\r\n"
                + "2;55;Not started;0;;;;;;;RVA Graphics;Am;;GR Cup;Toyota GR86;Spike;Kohlbecker;;;USA;;\r\n";
        Classification c = parse(csv);
        assertThat(c.format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
        assertThat(c.entries()).extracting(Entry::drivers).containsExactly(
                List.of(new Driver("Westin", "Workman", "USA", DriverCategory.BRONZE)),
                List.of(new Driver("Spike", "Kohlbecker", "USA", null)));
        assertThat(c.entries().get(1).status()).isEqualTo(EntryStatus.DID_NOT_START);
    }

    @Test
    void aHeaderWithoutDriverColumnsIsRefusedNamingThem() {
        String csv = "POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;TEAM;PILOT_NAME;\n1;13;Classified;23;45:30.694;BSI Racing;Westin Workman;\n";
        assertThat(problems(csv)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("no driver column", "DRIVER_1", "DRIVERn_FIRSTNAME", "DRIVER_FIRSTNAME");
        });
        String lookAlike = "POSITION;NUMBER;STATUS;LAPS;TEAM;DRIVER_NAME;\n1;13;Classified;23;BSI Racing;Westin Workman;\n";
        assertThat(problems(lookAlike)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("DRIVER_NAME");
            assertThat(p.column()).isEqualTo(6);
            assertThat(p.message()).contains("DRIVER_NAME are none of them");
        });
    }

    @Test
    void aRowWhoseDriverCellsAreAllEmptyIsRefused() {
        String csv = ONE_DRIVER_HEADER + "\n1;13;Classified;23;45:30.694;-;-;13;1:40.747;140.3;BSI Racing;Am;;GR Cup;Toyota GR86;;;;;USA;;\n";
        assertThat(problems(csv)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("DRIVER_FIRSTNAME");
            assertThat(p.message()).contains("no driver named in DRIVER_FIRSTNAME, DRIVER_SECONDNAME");
        });
        assertThat(problems(RACE_HEADER + "\n" + ROW_1.replace("Griffin PEEBLES;Grégoire SAUCY", " ;") + "\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no driver named in DRIVER_1, DRIVER_2"));
    }

    @Test
    void unicodeSpacesAreTrimmedFromEveryName() throws FeedException {
        String row = ROW_1.replace("Griffin PEEBLES", "Griffin\u00A0PEEBLES\u00A0").replace("Grégoire SAUCY", "\u2007Grégoire SAUCY\u202F")
                .replace("United Autosports", "United Autosports\u00A0").replace("Oreca 07 - Gibson", "\u3000Oreca 07 - Gibson\u2009")
                .replace(";LMP2;", ";LMP2\u00A0;");
        Entry e = parse(RACE_HEADER.replace("LAPS;", "\u00A0LAPS\u00A0;") + "\n" + row + "\n").entries().get(0);
        assertThat(e.drivers()).containsExactly(new Driver("Griffin", "PEEBLES", null, null), new Driver("Grégoire", "SAUCY", null, null));
        assertThat(e.team()).isEqualTo("United Autosports");
        assertThat(e.car()).isEqualTo("Oreca 07 - Gibson");
        assertThat(e.carClass()).isEqualTo("LMP2");
        assertThat(e.laps()).isEqualTo(112);

        String block = ONE_DRIVER_HEADER.replace("DRIVER_SECONDNAME", "DRIVER_SECONDNAME\u00A0") + "\n"
                + "1;13;Classified;23;45:30.694;-;-;13;1:40.747;140.3;BSI Racing\u00A0;Am\u00A0;;GR Cup;Toyota GR86;Westin\u00A0;\u00A0Workman\u202F;;;USA;;\n";
        Entry b = parse(block).entries().get(0);
        assertThat(b.drivers()).containsExactly(new Driver("Westin", "Workman", "USA", null));
        assertThat(b.team()).isEqualTo("BSI Racing");
        assertThat(b.cup()).isEqualTo("Am");
    }

    static final String BY_CLASS_HEADER = "CLASS_TYPE;POS;PIC;NUMBER;TEAM;VEHICLE;DRIVER;LAPS;ELAPSED;GAP_FIRST;GAP_PREVIOUS;BEST_LAP_NUM;BEST_LAP_TIME;BEST_LAP_KPH;";

    @Test
    void resultsByClassGoBackIntoOverallOrder() throws FeedException {
        // made-up values in the real layout: each class in turn, POS overall, PIC within the class
        String csv = BY_CLASS_HEADER + "\r\n"
                + "Pro;1;1;7;Alpha;Toyota GR86;Anna Example;23;45:30.694;;;13;1:40.747;140.3;\r\n"
                + "Pro;3;2;8;Beta;Toyota GR86;Ben Sample;23;45:31.000;+0.306;+0.106;12;1:40.900;140.1;\r\n"
                + "Am;2;1;9;Gamma;Toyota GR86;Carl de Demo;23;45:30.894;+0.200;+0.200;11;1:40.800;140.2;\r\n";
        Classification c = parse(csv);
        assertThat(c.format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS_BY_CLASS);
        assertThat(c.entries()).extracting(Entry::number).containsExactly("7", "9", "8");
        assertThat(c.entries()).extracting(Entry::cup).containsExactly("Pro", "Am", "Pro");
        assertThat(c.entries().get(1)).isEqualTo(new Entry(2, null, "9", "Gamma", List.of(new Driver("Carl de", "Demo", null, null)),
                "Toyota GR86", null, "Am", null, null, null, EntryStatus.CLASSIFIED, 23, 45 * 60_000L + 30_894,
                Gap.time(200), Gap.time(200), new BestLap(11, 100_800, 140.2), 4));
        assertThat(ClassificationValidator.validate(c.entries(), c.statusReported())).isEmpty();
    }

    @Test
    void resultsByClassWhosePicContradictsPosIsRefused() {
        String csv = BY_CLASS_HEADER + "\n"
                + "Pro;1;1;7;Alpha;Toyota GR86;Anna Example;23;45:30.694;;;13;1:40.747;140.3;\n"
                + "Pro;2;1;8;Beta;Toyota GR86;Ben Sample;23;45:31.000;+0.306;+0.306;12;1:40.900;140.1;\n";
        assertThat(problems(csv)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("PIC");
            assertThat(p.message()).contains("PIC 1", "2nd of class Pro");
        });
    }

    @Test
    void resultsByClassWithSeveralNamesInOneCellIsRefused() {
        String csv = BY_CLASS_HEADER + "\nPro;1;1;7;Alpha;Toyota GR86;Anna Example / Ben Sample;23;45:30.694;;;13;1:40.747;140.3;\n";
        assertThat(problems(csv)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("DRIVER");
            assertThat(p.message()).contains("several drivers");
        });
    }

    private static String strip(String line) {
        return line.substring(0, line.length() - 1);
    }
}
