package org.podium.outbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.podium.outbox.PointsChart.Line;
import org.podium.outbox.PointsChart.Point;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinates: the plot spans x 48…624 and y 216 (0 points) … 16 (the top gridline). */
class PointsChartTest {

    private static Document parse(String svg) {
        return Jsoup.parse(svg, "", Parser.xmlParser());
    }

    @Test
    void pointsAfterThreeRoundsOf10_20_40AreDrawnAcrossThePlot() {
        String svg = PointsChart.svg("t", List.of(1, 2, 3),
                List.of(new Line("Kaiju", List.of(new Point(1, 10), new Point(2, 20), new Point(3, 40)))));
        // 40 points: gridlines every 10 up to 40; rounds 288 apart.
        assertThat(parse(svg).selectFirst("polyline").attr("points")).isEqualTo("48,166 336,116 624,16");
    }

    @Test
    void roundsStillToRunKeepTheirPlaceOnTheAxis() {
        String svg = PointsChart.svg("t", List.of(1, 2, 3, 4),
                List.of(new Line("Kaiju", List.of(new Point(1, 5), new Point(2, 10)))));
        assertThat(parse(svg).selectFirst("polyline").attr("points")).isEqualTo("48,116 240,16");
        assertThat(parse(svg).select("text.xlab").eachText()).containsExactly("R1", "R2", "R3", "R4");
    }

    @Test
    void gridlinesAreRoundNumbersAboveTheLeader() {
        String svg = PointsChart.svg("t", List.of(1, 2),
                List.of(new Line("Rhône Racing", List.of(new Point(1, 51.5), new Point(2, 107.5)))));
        assertThat(parse(svg).select("text.ylab").eachText()).containsExactly("0", "25", "50", "75", "100", "125");
    }

    @Test
    void aHalfPointIsKept() {
        String svg = PointsChart.svg("t", List.of(1, 2),
                List.of(new Line("A", List.of(new Point(1, 12.5), new Point(2, 25)))));
        // 25 points: gridlines every 5; 12.5 is half way up.
        assertThat(parse(svg).selectFirst("polyline").attr("points")).isEqualTo("48,116 624,16");
    }

    @Test
    void eachLineHasItsOwnColourAndPoints() {
        String svg = PointsChart.svg("t", List.of(1, 2), List.of(
                new Line("A", List.of(new Point(1, 10), new Point(2, 20))),
                new Line("B", List.of(new Point(1, 5), new Point(2, 8)))));
        Document d = parse(svg);
        assertThat(d.select("polyline").eachAttr("stroke")).containsExactly(PointsChart.PALETTE.get(0), PointsChart.PALETTE.get(1));
        assertThat(d.select("circle")).hasSize(4);
    }

    @Test
    void aLabelWithMarkupIsATitleNotAnElement() {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String svg = PointsChart.svg("t", List.of(1), List.of(new Line(hostile, List.of(new Point(1, 3)))));
        Document d = parse(svg);
        assertThat(d.select("script, img, [onerror]")).isEmpty();
        Element title = d.selectFirst("polyline > title");
        assertThat(title.text()).isEqualTo(hostile);
    }
}
